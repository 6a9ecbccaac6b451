// The search page's words and address, without a browser: `node --test tests/js/`.
import assert from "node:assert/strict";
import test from "node:test";

import {
  says,
  searchAddress,
  sectionsOf,
  standsFor,
  tooShort,
  wordNoPageHas,
  wordsFound,
} from "../../overrides/assets/javascripts/search-text.js";

test("the address keeps the words and the kind, and nothing for an empty search", () => {
  assert.equal(searchAddress("rounds & huddles", "case study"), "q=rounds+%26+huddles&kind=case+study");
  assert.equal(searchAddress("rounds", ""), "q=rounds");
  assert.equal(searchAddress("", ""), "");
});

test("the status line counts the results, and says what to try when there are none", () => {
  assert.equal(says(1, "rounds"), "1 result for “rounds”.");
  assert.equal(says(12, "rounds"), "12 results for “rounds”.");
  assert.match(says(0, "zzz"), /^No results for “zzz”\. Try fewer words/);
});

test("a result's sections are those with their own address and title, at most the limit", () => {
  const section = (url, title) => ({ url, title });
  const result = {
    meta: { title: "Schwartz Rounds" },
    sub_results: [
      section("/a/", "Schwartz Rounds"),
      section("/a/#top", "Schwartz Rounds"),
      section("/a/#cost", "Cost"),
      section("/a/#who", "Who runs them"),
      section("/a/#evidence", "Evidence"),
    ],
  };
  assert.deepEqual(
    sectionsOf(result, 2).map((each) => each.title),
    ["Cost", "Who runs them"],
  );
  assert.equal(sectionsOf(result, 3).length, 3);
});

test("a query shorter than three letters is not searched for, and the reader is told why", () => {
  assert.equal(tooShort("ma"), "Type at least 3 letters to search.");
  assert.equal(tooShort("NHS"), "");
  assert.equal(tooShort(""), "", "nothing to say before anything is typed");
});

test("a word found stands for the word typed when it begins with more than half of it: a typo, not a fragment", () => {
  assert.ok(standsFor("schwartz", "schwartz"));
  assert.ok(standsFor("superv", "supervision"), "a word still being typed");
  assert.ok(standsFor("schwarts", "schwartz"), "a typo near the end");
  assert.ok(standsFor("nhs", "nhs"));
  assert.ok(!standsFor("asdfgh", "as"), "Pagefind's fallback to the first letters");
  assert.ok(!standsFor("asdfgh", "asdxyz"), "half is not more than half");
  assert.ok(!standsFor("abcd", "abxy"), "fewer than three letters shared");
});

test("the word no page has is the first the results' matches do not stand for, read as Pagefind reads them", () => {
  const result = (content, ...locations) => ({ content, locations });
  const results = [result("Schwartz Rounds, as in  Maternity.", 0, 2), result("Café au lait", 0)];
  assert.deepEqual(wordsFound(results[0]), ["schwartz", "as"]);
  assert.equal(wordNoPageHas("schwarts", results), null);
  assert.equal(wordNoPageHas("Schwartz asdfgh", results), "asdfgh");
  assert.equal(wordNoPageHas("CAFE schwartz!", results), null, "case, accents and punctuation aside");
  assert.equal(wordNoPageHas("rounds", results), "rounds", "a word only on the page, not among its matches");
});
