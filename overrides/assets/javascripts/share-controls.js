/**
 * The share form's controls, built from the description's fields and sections: a text box, a list, a choice
 * or a group for each field, a text box for each section, each with its hint and a place for its problems.
 * Every control writes what the writer enters into the form's state and asks the form to update.
 */
import { h } from "./hub.js";
import { DATE_WORDS } from "./share-dates.js";
import { initialGroup } from "./share-entry.js";
import { markdownHelp } from "./share-paste.js";

const capitalised = (text) => text[0].toUpperCase() + text.slice(1);

function hint(field) {
  if (DATE_WORDS[field.format]) return `${field.description} ${capitalised(DATE_WORDS[field.format])}.`;
  const example =
    field.choices || field.fields.length || field.type === "boolean"
      ? ""
      : ` For example: ${Array.isArray(field.example) ? field.example.join(", ") : field.example}`;
  const lines = field.type === "array" && !field.choices && !field.fields.length ? " Write one per line." : "";
  return `${field.description}${lines}${example}`;
}

function need(required, alternatives) {
  const text = required
    ? " (required)"
    : alternatives && alternatives.length
      ? ` (this, ${alternatives.join(" or ")}, or both)`
      : " (optional)";
  return h("span", { class: "hub-share__need" }, text);
}

function errorNode(id) {
  return h("p", { class: "hub-share__error", id: `${id}-error`, hidden: true });
}

/** Keep the state in step with a control, and show its problems once it has been used. */
function bind(form, control, id, read) {
  control.addEventListener("input", () => {
    read();
    form.update();
  });
  control.addEventListener("change", () => {
    read();
    form.touch(id);
  });
  control.addEventListener("blur", () => form.touch(id));
}

/** A checkbox for each value of a field that takes several from a list. */
function choiceList(form, field, holder, id) {
  const hintId = `${id}-hint`;
  const described = `${hintId} ${id}-error`;
  const boxes = field.choices.map((choice, index) => {
    const box = h("input", { type: "checkbox", id: `${id}-${index}`, value: String(choice.value) });
    box.checked = holder[field.name].includes(choice.value);
    bind(form, box, id, () => {
      const chosen = new Set(holder[field.name]);
      if (box.checked) chosen.add(choice.value);
      else chosen.delete(choice.value);
      holder[field.name] = field.choices.map((c) => c.value).filter((v) => chosen.has(v));
    });
    const label = field.itemType === "integer" ? `${choice.value}: ${choice.label}` : choice.label;
    return h("div", { class: "hub-share__choice" }, box, h("label", { for: `${id}-${index}` }, label));
  });
  return h(
    "fieldset",
    { class: "hub-share__field", id, "aria-describedby": described, tabindex: "-1" },
    h("legend", {}, field.title, need(field.required, titles(form.spec, field))),
    h("p", { class: "hub-share__hint", id: hintId }, field.description),
    h("div", { class: "hub-share__choices" }, ...boxes),
    errorNode(id),
  );
}

/** The control for one field, which reads and writes `holder[field.name]`. */
export function control(form, field, holder, id) {
  const hintId = `${id}-hint`;
  const described = `${hintId} ${id}-error`;
  if (field.fields.length) return group(form, field, holder, id);
  if (field.choices && field.type === "array") return choiceList(form, field, holder, id);
  let input;
  if (field.choices) {
    input = h(
      "select",
      { id, "aria-describedby": described, required: field.required },
      h("option", { value: "" }, "Choose one"),
      ...field.choices.map((choice) => h("option", { value: String(choice.value) }, choice.label)),
    );
    input.value = holder[field.name];
  } else if (field.type === "boolean") {
    input = h("input", { type: "checkbox", id, "aria-describedby": described });
    input.checked = holder[field.name];
  } else if (field.multiline || field.type === "array") {
    input = h("textarea", {
      id,
      rows: field.type === "array" ? "3" : "4",
      "aria-describedby": described,
      required: field.required,
    });
    input.value = holder[field.name];
  } else {
    const type = { email: "email", url: "url" }[field.format] || (field.type === "integer" ? "number" : "text");
    input = h("input", {
      type,
      id,
      "aria-describedby": described,
      required: field.required,
      autocomplete: field.format === "email" ? "email" : "off",
      spellcheck: type === "text" ? "true" : "false",
    });
    input.value = holder[field.name];
  }
  bind(form, input, id, () => {
    holder[field.name] = field.type === "boolean" ? input.checked : input.value;
  });
  const label = h("label", { for: id }, field.title, need(field.required, titles(form.spec, field)));
  const parts =
    field.type === "boolean"
      ? [h("div", { class: "hub-share__choice" }, input, label)]
      : [label, h("p", { class: "hub-share__hint", id: hintId }, hint(field)), input];
  if (field.type === "boolean") parts.push(h("p", { class: "hub-share__hint", id: hintId }, hint(field)));
  return h("div", { class: "hub-share__field" }, ...parts, errorNode(id));
}

/** The titles of the fields this one is an alternative to, found among the fields beside it. */
function titles(spec, field) {
  const beside = (fields) =>
    fields.includes(field) ? fields : fields.map((each) => beside(each.fields || [])).find(Boolean);
  const siblings = beside(spec.fields) || [];
  return (field.alternatives || []).map((name) => siblings.find((each) => each.name === name).title);
}

/** A group of fields, or a list of such groups with buttons to add and remove one. */
function group(form, field, holder, id) {
  const legend = h("legend", {}, field.title, need(field.required));
  const about = h("p", { class: "hub-share__hint", id: `${id}-hint` }, hint(field));
  if (field.type !== "array") {
    return h(
      "fieldset",
      { class: "hub-share__group", id, "aria-describedby": `${id}-hint ${id}-error`, tabindex: "-1" },
      legend,
      about,
      ...field.fields.map((child) => control(form, child, holder[field.name], `${id}-${child.name}`)),
      errorNode(id),
    );
  }
  const items = holder[field.name];
  const nodes = items.map((item, index) => {
    const itemId = `${id}-${index}`;
    const remove = h("button", { type: "button", class: "md-button" }, `Remove ${field.title} ${index + 1}`);
    remove.addEventListener("click", () => {
      items.splice(index, 1);
      form.render(items.length ? `${id}-${Math.max(index - 1, 0)}-${field.fields[0].name}` : `${id}-add`);
    });
    return h(
      "fieldset",
      { class: "hub-share__item", id: itemId },
      h("legend", {}, `${field.title} ${index + 1}`),
      ...field.fields.map((child) => control(form, child, item, `${itemId}-${child.name}`)),
      remove,
    );
  });
  const add = h("button", { type: "button", class: "md-button", id: `${id}-add` }, `Add to ${field.title}`);
  add.addEventListener("click", () => {
    items.push(initialGroup(field.fields));
    form.render(`${id}-${items.length - 1}-${field.fields[0].name}`);
  });
  return h(
    "fieldset",
    { class: "hub-share__group", id, "aria-describedby": `${id}-hint ${id}-error`, tabindex: "-1" },
    legend,
    about,
    ...nodes,
    add,
    errorNode(id),
  );
}

/** A text box for each section, numbered from `start`, with the next number. */
export function sections(form, list, start) {
  const nodes = [];
  let index = start;
  for (const section of list) {
    const id = `hub-section-${index}`;
    index += 1;
    const area = h("textarea", {
      id,
      rows: "6",
      "aria-describedby": `${id}-hint ${id}-markdown ${id}-error`,
      required: !section.subsections.length,
    });
    area.value = form.state.sections[section.title];
    bind(form, area, id, () => {
      form.state.sections[section.title] = area.value;
    });
    const label = h(
      "label",
      { for: id },
      section.subsections.length ? `${section.title}: introduction` : section.title,
      need(!section.subsections.length),
    );
    const hintText = section.subsections.length
      ? `${section.guidance} A sentence or two before the headings below, if you want one.`
      : `${section.guidance} If the source does not say, write only: ${form.spec.notReported}`;
    nodes.push(
      h(
        "div",
        { class: "hub-share__field" },
        label,
        h("p", { class: "hub-share__hint", id: `${id}-hint` }, hintText),
        area,
        errorNode(id),
        ...markdownHelp(id),
      ),
    );
    if (section.subsections.length) {
      const inner = sections(form, section.subsections, index);
      index = inner.next;
      nodes.push(h("fieldset", { class: "hub-share__group" }, h("legend", {}, section.title), ...inner.nodes));
    }
  }
  return { nodes, next: index };
}
