/** The line a printed page ends with: where it came from and when, as UK readers write a date. */
export function printedLine(address, day) {
  const date = day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return `Printed from ${address} on ${date}.`;
}
