/** One way of computing the softmax (naive or stable): its steps as a table, the formula and the verdict. */
import type { ComponentChildren } from 'preact';
import { ScrollTable } from '../shared/ScrollTable';
import { Tex } from '../shared/Tex';
import type { Steps } from './model';
import { Num, logitText, sum } from './numbers';

export function Method(props: {
  level: 3 | 4 | 5;
  kind: 'naive' | 'stable';
  title: string;
  classes: readonly string[];
  steps: Steps;
  max?: number;
  texLines: string[];
  lead: string;
  verdict: ComponentChildren;
  good: boolean;
}) {
  const { kind, steps } = props;
  const stable = kind === 'stable';
  const Heading = `h${props.level}` as 'h4';
  return (
    <section class={`softmax__method softmax__method--${kind}`} aria-labelledby={`softmax-${kind}-title`}>
      <Heading class="softmax__method-title" id={`softmax-${kind}-title`}>
        {props.title}
      </Heading>
      <p class="softmax__steps">
        {stable
          ? `Subtract the largest logit m = ${logitText(props.max!)}, exponentiate, add up, divide.`
          : 'Exponentiate, add up, divide.'}
      </p>
      <ScrollTable label={`${props.title}: the numbers`}>
        <table class="softmax__table">
          <caption class="visually-hidden">{props.title}, step by step</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">{stable ? 'z − m' : 'z'}</th>
              <th scope="col">
                {stable ? (
                  <>
                    e<sup>z − m</sup>
                  </>
                ) : (
                  <>
                    e<sup>z</sup>
                  </>
                )}
              </th>
              <th scope="col">÷ sum</th>
            </tr>
          </thead>
          <tbody>
            {props.classes.map((c, i) => (
              <tr>
                <th scope="row">{c}</th>
                <td>{logitText(steps.exponents[i]!)}</td>
                <td data-readout={`${kind}-exp-${i}`}>
                  <Num x={steps.exps[i]!} />
                </td>
                <td data-readout={`${kind}-p-${i}`}>
                  <Num x={steps.probs[i]!} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">sum</th>
              <td />
              <td data-readout={`${kind}-sum`}>
                <Num x={steps.sum} />
              </td>
              <td>
                <Num x={sum(steps.probs)} />
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollTable>
      <Tex display tex={`\\begin{aligned} ${props.texLines.join(' \\\\[3pt] ')} \\end{aligned}`} />
      <p class="softmax__verdict" data-readout={`${kind}-verdict`}>
        <strong class={`widget__status ${props.good ? 'widget__status--good' : 'widget__status--bad'}`}>
          {props.lead}
        </strong>{' '}
        {props.verdict}
      </p>
    </section>
  );
}
