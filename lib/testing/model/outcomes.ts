// What the model test's runs reached: a tally of the outcomes that matter
// (a payment in each concert, a hold across sections, the four-seat limit…),
// so a run that never got that far says so instead of passing quietly.
const tally = new Map<string, number>();

export function noteOutcome(outcome: string): void {
  tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
}

export function outcomesReached(): ReadonlyMap<string, number> {
  return tally;
}
