// A small readiness instrument for the unit tests, in the shape the build writes.

/** A small instrument in the shape the build writes: two domains of four and two statements. */
const INSTRUMENT = {
  format: "shared-learning-hub/readiness-instrument",
  id: "org",
  version: 3,
  title: "Org readiness",
  scale: ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"],
  dont_know: "Don't know",
  minimum_answered: 0.5,
  met_from: 4,
  disagreement: 2,
  bands: [
    { id: "low", label: "Not yet ready", from: 1, weak: true },
    { id: "mid", label: "Getting ready", from: 2.5, weak: true },
    { id: "high", label: "Ready", from: 3.5, weak: false },
  ],
  domains: [
    {
      id: "money",
      title: "Money",
      description: "d",
      recommendations: ["Ask for money."],
      bands: [
        { band: "low", meaning: "No money." },
        { band: "mid", meaning: "Some money." },
        { band: "high", meaning: "Money." },
      ],
      items: [
        { id: "m1", text: "Funding" },
        { id: "m2", text: "Lasts" },
        { id: "m3", text: "Space", essential: true, action: "Find a room." },
        { id: "m4", text: "Food" },
      ],
    },
    {
      id: "time",
      title: "Time",
      description: "d",
      recommendations: ["Protect time."],
      bands: [
        { band: "low", meaning: "No time." },
        { band: "mid", meaning: "Some time." },
        { band: "high", meaning: "Time." },
      ],
      items: [
        { id: "t1", text: "Protected, time", essential: true, action: "Agree cover." },
        { id: "t2", text: "Cover" },
      ],
    },
  ],
  fits: [
    { id: "poor", when: [{ item: "m1", answers: [1, 2] }], approaches: ["circles", "missing"], reason: "No fee." },
    { id: "busy", when: [{ domain: "time", bands: ["low", "mid"] }], approaches: ["circles"], reason: "Short." },
    {
      id: "both",
      when: [
        { domain: "money", bands: ["high"] },
        { domain: "time", bands: ["high"] },
      ],
      approaches: ["rounds"],
      reason: "All set.",
    },
  ],
  approaches: {
    circles: { title: "Circles", url: "../c/", checklist: "../cc/", costs: ["Staff time only"], essentials: [] },
    rounds: {
      title: "Rounds",
      url: "../r/",
      checklist: "../rc/",
      costs: ["Licence fee"],
      essentials: ["A licence."],
    },
  },
};

/** A fresh copy of the instrument, which a test may change. */
export function instrument() {
  return structuredClone(INSTRUMENT);
}
