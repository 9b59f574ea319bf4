/**
 * The answers of a debrief that many tests share: the first KP met, need, buying power and value
 * (an A), asked to sign, not signed for a concrete obstacle. `contact` is already YAML (quote it
 * yourself when it needs quoting).
 */
export function aDebriefAnswers(contact = 'Li'): string {
  return `  contact_name: ${contact}
  contact_role: first_kp
  contacts_known: 1
  has_need: "yes"
  buying_power: "yes"
  sees_value: "yes"
  persona: koala
  asked_to_sign: "yes"
  signed: "no"
  not_signed_kind: obstacle
  not_signed_reason: board
  polite_excuse: "no"
  statement_changed: "no"
  plan_shared: "yes"
`;
}
