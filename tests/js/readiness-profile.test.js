// Unit tests of the order the domain profile is shown in: a domain scored from half or fewer of its statements
// is never ranked, whatever its score. Run: node --test tests/js/
import assert from "node:assert/strict";
import test from "node:test";

import { strongestFirst, tooFewToRank, weakestFirst } from "../../overrides/assets/javascripts/readiness-profile.js";
import { score } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { stepKey } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

const ids = (domains) => domains.map((entry) => entry.domain.id);

test("a domain scored from half of its statements is too few to rank, however high its score", () => {
  const data = instrument();
  const result = score(data, { m1: 5, m2: 5, t1: 2, t2: 3 });
  const [money, time] = result.domains;
  assert.equal(money.score, 5);
  assert.equal(tooFewToRank(money), true, "2 of 4");
  assert.equal(tooFewToRank(time), false, "2 of 2");
  assert.deepEqual(ids(strongestFirst(result.domains)), ["time", "money"]);
  assert.deepEqual(ids(weakestFirst(result.domains)), ["time", "money"]);
});

test("ranked domains come strongest or weakest first, and a domain not scored comes last", () => {
  const data = instrument();
  const full = score(data, { m1: 5, m2: 5, m3: 4, m4: 4, t1: 2, t2: 3 });
  assert.deepEqual(ids(strongestFirst(full.domains)), ["money", "time"]);
  assert.deepEqual(ids(weakestFirst(full.domains)), ["time", "money"]);
  const thin = score(data, { m1: 1, t1: 4 });
  assert.equal(thin.domains[0].score, null, "1 of 4 is not scored");
  assert.deepEqual(ids(strongestFirst(thin.domains)), ["time", "money"], "time, scored from 1 of 2, before it");
  assert.equal(tooFewToRank(thin.domains[1]), true);
});

test("each step of the action plan keeps its owner and dates under a key of its own", () => {
  const data = instrument();
  const result = score(data, { m1: 1, m2: 1, m3: 1, t1: "dont-know" });
  const keys = result.plan.map(stepKey);
  assert.deepEqual(keys, [...new Set(keys)]);
  assert.ok(keys.includes("essential-m3") && keys.includes("domain-money") && keys.includes("find-out-t1"), keys);
});
