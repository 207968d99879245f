import { useId } from 'react';
import { stageLabels, stageOrder, type StageName } from '../../../lib/format.ts';

/**
 * B12 as a labelled group of checkboxes: the stages a portal user may move a candidate into.
 * Recruiters may always move candidates into any stage.
 */
export function StageChoices({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: StageName[];
  onChange(next: StageName[]): void;
  error?: string | undefined;
}) {
  const id = useId();
  const toggle = (stage: StageName, on: boolean) =>
    onChange(stageOrder.filter((s) => (s === stage ? on : value.includes(s))));
  return (
    <fieldset
      className="fieldset"
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        Clients in the Client Portal can move a candidate only into the stages ticked here. You can always
        move candidates into any stage.
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="field-row choices">
        {stageOrder.map((stage) => (
          <label key={stage} className="choice">
            <input
              type="checkbox"
              checked={value.includes(stage)}
              onChange={(e) => toggle(stage, e.target.checked)}
            />{' '}
            {stageLabels[stage]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
