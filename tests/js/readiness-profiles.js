// Answer profiles of realistic organisations for the recommendation tests: each domain's usual answer, then
// the statements where the organisation differs from it.

/** Every statement of the instrument answered: the domain's usual answer unless the statement has its own. */
export function answersFor(instrument, profile) {
  return Object.fromEntries(
    instrument.domains.flatMap((domain) =>
      domain.items.map((item) => [item.id, profile.statements[item.id] ?? profile.domains[domain.id]]),
    ),
  );
}

export const PROFILES = {
  "a small hospice with no budget and strong peer support": {
    domains: {
      "need-and-commitment": 4,
      leadership: 3,
      "people-and-roles": 4,
      resources: 2,
      capacity: 3,
      culture: 5,
      evaluation: 2,
    },
    statements: { funding: 1, "funding-lasts": 1, space: 4, "room-for-change": 4 },
  },
  "a large acute trust with board sponsorship and no protected time": {
    domains: {
      "need-and-commitment": 4,
      leadership: 5,
      "people-and-roles": 4,
      resources: 4,
      capacity: 2,
      culture: 3,
      evaluation: 4,
    },
    statements: { "protected-time": 1, cover: 2, "can-sustain": 3, facilitators: 3 },
  },
  "an ambulance trust after a major incident": {
    domains: {
      "need-and-commitment": 5,
      leadership: 4,
      "people-and-roles": 3,
      resources: 3,
      capacity: 2,
      culture: 2,
      evaluation: 3,
    },
    statements: { facilitators: 5, "protected-time": 2, cover: 1, "room-for-change": 1, "funding-lasts": 2 },
  },
  "a mental health ward team that is ready and open, with little money": {
    domains: {
      "need-and-commitment": 5,
      leadership: 3,
      "people-and-roles": 4,
      resources: 2,
      capacity: 4,
      culture: 5,
      evaluation: 3,
    },
    statements: { funding: 2, space: 4, "room-for-change": 4 },
  },
  "an integrated care system with long-term money and little openness yet": {
    domains: {
      "need-and-commitment": 4,
      leadership: 4,
      "people-and-roles": 3,
      resources: 5,
      capacity: 3,
      culture: 3,
      evaluation: 4,
    },
    statements: { facilitators: 2, "room-for-change": 2, "managers-release": 4 },
  },
};
