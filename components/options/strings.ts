// Names the options page and the loop report show for what is stored by id or code: the built-in
// SLA rules in the UI language until someone renames them (as built-in feedback reasons follow it
// until reworded, components/card/strings.ts), and a reason code never shown as a code.
import { t, type MessageKey } from '../../lib/ui/i18n';
import type { FeedbackReason, SlaRule } from '../../lib/domain/settings-schema';
import { DEFAULT_SLA_POLICY } from '../../lib/domain/default-settings';
import { reasonLabel } from '../card/strings';

const RULE_NAME_KEYS: Record<string, MessageKey> = {
  hot: 'ruleNameHot',
  'hot-score': 'ruleNameHotScore',
  mql: 'ruleNameMql',
  default: 'ruleNameDefault',
};
const BUILT_IN_RULE_NAMES = new Map(DEFAULT_SLA_POLICY.rules.map((rule) => [rule.id, rule.name]));

/** A built-in rule still under its built-in English name is named in the UI language; any other by its own name. */
export function ruleName(rule: Pick<SlaRule, 'id' | 'name'>): string {
  const key = RULE_NAME_KEYS[rule.id];
  return key && rule.name === BUILT_IN_RULE_NAMES.get(rule.id) ? t(key) : rule.name;
}

/**
 * A reason as the team words it, from its code: a reason set up in the options, else a built-in
 * reason or a verdict, else (a reason since removed) the code made readable: "too_expensive" -> "Too expensive".
 */
export function reasonName(code: string, reasons: readonly Pick<FeedbackReason, 'code' | 'label'>[]): string {
  const named = reasonLabel(reasons.find((reason) => reason.code === code) ?? { code, label: '' });
  if (named !== code) return named;
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
