// The SLA rules: which handoffs get how long. The first rule that matches applies, so the order
// matters and the last rule should match every handoff. Numbers and lists are checked on save.
import { LockNote } from './policy';
import { t } from '../../lib/ui/i18n';
import type { Stage } from '../../lib/domain/model';
import type { SlaPolicy, SlaRule } from '../../lib/domain/settings-schema';
import { STAGES } from '../../lib/domain/vocabulary';
import { STAGE_LABELS } from '../card/strings';
import { ruleName } from './strings';

export interface SlaRulesEditorProps {
  policy: SlaPolicy;
  onChange: (next: SlaPolicy) => void;
  /** Why the rep cannot change them, when a policy sets them. */
  lock?: string;
}

/** "8, 24" -> [8, 24]; what is not a number is kept as NaN, for the save to name. */
const numbers = (text: string) => text.split(/[,\s、]+/).filter(Boolean).map(Number);
const words = (text: string) => text.split(/[,\s、]+/).filter(Boolean);
const orUndefined = <T,>(list: T[]) => (list.length > 0 ? list : undefined);

export function SlaRulesEditor({ policy, onChange, lock }: SlaRulesEditorProps) {
  const { rules } = policy;
  const setRules = (next: SlaRule[]) => onChange({ ...policy, rules: next });
  const add = () =>
    setRules([...rules.slice(0, -1), { id: `rule-${Date.now().toString(36)}`, name: t('newRule'), match: {}, firstContactHours: 8, followUpHours: [] }, ...rules.slice(-1)]);

  return (
    <fieldset class="rules" disabled={!!lock}>
      <legend>
        <h2>{t('slaRules')}</h2>
      </legend>
      <LockNote text={lock} />
      <p class="hint">{t('slaRulesHint')}</p>
      <ol>
        {rules.map((rule, index) => (
          <RuleItem key={rule.id} rules={rules} index={index} setRules={setRules} />
        ))}
      </ol>
      <button type="button" onClick={add}>
        {t('addRule')}
      </button>
      <label>
        {t('dueSoonMinutes')}{' '}
        <input type="number" min={1} value={policy.dueSoonMinutes} onInput={(event) => onChange({ ...policy, dueSoonMinutes: event.currentTarget.valueAsNumber })} />
      </label>
    </fieldset>
  );
}

interface RuleItemProps {
  rules: SlaRule[];
  index: number;
  setRules: (next: SlaRule[]) => void;
}

/** One rule: its name, what it matches, its hours, and its place in the order. */
function RuleItem({ rules, index, setRules }: RuleItemProps) {
  const rule = rules[index]!;
  const set = (patch: Partial<SlaRule>) => setRules(rules.map((old, i) => (i === index ? { ...rule, ...patch } : old)));
  return (
    <li class="rule" aria-label={ruleName(rule)}>
      <label class="stacked">
        {t('ruleName')}
        <input value={ruleName(rule)} onInput={(event) => set({ name: event.currentTarget.value })} />
      </label>
      <RuleMatch rule={rule} set={set} />
      <label>
        {t('ruleFirstContactHours')}{' '}
        <input type="number" min={0.25} step={0.25} value={rule.firstContactHours} onInput={(event) => set({ firstContactHours: event.currentTarget.valueAsNumber })} />
      </label>
      <label>
        {t('ruleFollowUps')}{' '}
        <input value={rule.followUpHours.join(', ')} placeholder="16, 40" onChange={(event) => set({ followUpHours: numbers(event.currentTarget.value) })} />
      </label>
      <RuleButtons rules={rules} index={index} setRules={setRules} />
    </li>
  );
}

/** Which handoffs the rule matches: their stages, grades and least score. */
function RuleMatch({ rule, set }: { rule: SlaRule; set: (patch: Partial<SlaRule>) => void }) {
  const setMatch = (patch: Partial<SlaRule['match']>) => set({ match: { ...rule.match, ...patch } });
  const toggleStage = (stage: Stage, on: boolean) => {
    const stages = (rule.match.stages ?? []).filter((kept) => kept !== stage);
    setMatch({ stages: orUndefined(on ? [...stages, stage] : stages) });
  };
  return (
    <>
      <div class="rule-match">
        <span>{t('ruleStages')}</span>
        {STAGES.map((stage) => (
          <label key={stage} class="chip">
            <input type="checkbox" checked={rule.match.stages?.includes(stage) ?? false} onChange={(event) => toggleStage(stage, event.currentTarget.checked)} />
            {t(STAGE_LABELS[stage])}
          </label>
        ))}
      </div>
      <label>
        {t('ruleGrades')}{' '}
        <input
          value={rule.match.grades?.join(', ') ?? ''}
          placeholder="A1, A2, B1"
          onChange={(event) => setMatch({ grades: orUndefined(words(event.currentTarget.value.toUpperCase())) })}
        />
      </label>
      <label>
        {t('ruleMinScore')}{' '}
        <input
          type="number"
          min={0}
          max={100}
          value={rule.match.minScore ?? ''}
          onInput={(event) => setMatch({ minScore: event.currentTarget.value === '' ? undefined : event.currentTarget.valueAsNumber })}
        />
      </label>
    </>
  );
}

/** Moving the rule up or down the order, or removing it. */
function RuleButtons({ rules, index, setRules }: RuleItemProps) {
  const rule = rules[index]!;
  const move = (by: number) => {
    const next = [...rules];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setRules(next);
  };
  return (
    <div class="rule-buttons">
      <button type="button" disabled={index === 0} onClick={() => move(-1)} aria-label={t('moveUp', ruleName(rule))}>
        ↑
      </button>
      <button type="button" disabled={index === rules.length - 1} onClick={() => move(1)} aria-label={t('moveDown', ruleName(rule))}>
        ↓
      </button>
      <button type="button" disabled={rules.length === 1} onClick={() => setRules(rules.filter((_, i) => i !== index))}>
        {t('removeRule')}
      </button>
    </div>
  );
}
