// Submit a reading: one field per counter (HT/NT, import/export in one submission), the allowed range
// shown before typing (getAllowedReadingForMeter), refusals in words next to their field; on a counter
// that may hold both directions, the reading's direction chosen beside its value. A value above the
// expected range shown is sent only once the household has checked it ("Send anyway").
import { api, ApiError } from '../lib/api.js';
import { h, show, status } from '../lib/dom.js';
import { t, currentLanguage, formatDate } from '../lib/i18n.js';
import { compare, format, parseInput, subtract, isDecimal, scaleOf } from '../lib/decimal.js';
import { DecimalLiteral } from '../lib/json.js';
import { counterLabel, directionLabel, refusal, tariffLabel, unitLabel } from '../lib/labels.js';
import { meterName } from './meter-name.js';
import { localDate, localTime, readingInstant } from '../lib/instant.js';
import { upperEndShown } from '../lib/forecast.js';
import { directionSelect, eitherDirection } from '../lib/direction.js';

/** The allowed range's upper end as shown: an estimate (the plausibility bound at this instant), at the readings' precision. */
function upperEndText(range) {
  const digits = isDecimal(range.min_value) ? Math.min(scaleOf(range.min_value), 3) : 3;
  return format(range.max_value, currentLanguage(), digits);
}

function rangeText(range, unit, withUpperEnd) {
  if (!range) return '';
  const lang = currentLanguage();
  const min = isDecimal(range.min_value) ? format(range.min_value, lang) : null;
  const max = withUpperEnd && isDecimal(range.max_value) ? upperEndText(range) : null;
  if (min && max) return t('submit.range', { min, max, unit });
  if (min) return t('submit.atLeast', { min, unit });
  return '';
}

export async function submitView(main, meterId) {
  const [meter, counters] = await Promise.all([
    api.meter(meterId).then((r) => r.data.entity),
    api.counters(meterId).then((r) => r.data),
  ]);
  const now = new Date();
  const offered = { date: localDate(now), time: localTime(now) };
  const date = h('input', { type: 'date', id: 'reading-date', name: 'date', value: localDate(now), max: localDate(now), required: true });
  const time = h('input', { type: 'time', id: 'reading-time', name: 'time', value: localTime(now), required: true });
  const outcome = h('div', { id: 'submit-outcome', 'aria-live': 'polite' });
  const fields = counters.map((counter) => {
    const inputId = `value-${counter._id}`;
    const input = h('input', {
      type: 'text', id: inputId, name: inputId, inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': `${inputId}-hint ${inputId}-error`, 'data-counter': counter._id,
    });
    const hint = h('p', { class: 'hint', id: `${inputId}-hint` });
    const error = h('p', { class: 'field-error', id: `${inputId}-error` });
    // a two-way register (no declared direction) takes either: the household says which this value is
    const direction = eitherDirection(counter, meter.sector)
      ? directionSelect(`direction-${counter._id}`, { describedBy: `${inputId}-error` }) : null;
    const meta = [counter.obis_number && `OBIS ${counter.obis_number}`, directionLabel(counter.direction), tariffLabel(counter.tariff_type)]
      .filter(Boolean).join(' · ');
    const row = h('div', { class: 'field' },
      h('label', { for: inputId }, counters.length === 1
        ? t('submit.value', { unit: unitLabel(counter.unit) })
        : `${counter._title || counter.obis_number || counter._id} (${unitLabel(counter.unit)})`),
      counters.length > 1 && meta ? h('p', { class: 'meta small muted' }, meta) : null,
      hint, input,
      direction ? h('label', { for: direction.id, class: 'direction-label' }, t('direction.label')) : null, direction,
      error);
    return { counter, input, direction, hint, error, row, range: null, upperEnd: null };
  });

  const timestamp = () => readingInstant(date.value, time.value, offered);
  const setError = (field, text, where = field.input) => {
    field.error.textContent = text;
    [field.input, field.direction].forEach((e) => e?.setAttribute('aria-invalid', text && e === where ? 'true' : 'false'));
  };
  // each change of date or time asks again; only the newest question's answer is shown, and a date
  // the service refuses (e.g. a year still being typed) leaves no stale range behind
  let asked = 0;
  let answered = { at: null, ranges: [] };
  // the hints from the last answer: a change of direction picks another range of it, without asking again
  function showRanges() {
    const { at, ranges } = answered;
    for (const f of fields) {
      const answers = ranges.filter((r) => r.counter_id === f.counter._id);
      // the service answers one direction per counter (its latest reading's): on a two-way register only the
      // chosen direction's range is shown, and a choice the answer lacks is told so, never given the other's range
      f.range = f.direction
        ? answers.find((r) => r.direction === f.direction.value)
        : answers.find((r) => !f.counter.direction || r.direction === f.counter.direction) ?? answers[0];
      const other = f.direction?.value && !f.range ? answers.find((r) => r.direction) : null;
      // the bound a value is checked against before it is sent: the service's, also where the form does not show it
      // (long after the last reading, docs/portal.md), since a slip is no less a slip there and the question never locks it out
      f.upperEnd = !other && f.range && isDecimal(f.range.max_value) && Boolean(at) ? f.range.max_value : null;
      f.hint.textContent = other
        ? t('submit.noRangeForDirection', { direction: directionLabel(f.direction.value), answered: directionLabel(other.direction) })
        : rangeText(f.range, unitLabel(f.counter.unit), Boolean(at) && upperEndShown(f.counter, at));
    }
  }
  async function loadRanges() {
    const question = ++asked;
    const at = timestamp();
    let ranges = [];
    if (at) {
      try {
        ranges = (await api.allowed(meterId, at)).data;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    if (question !== asked) return;
    answered = { at, ranges };
    showRanges();
  }
  date.addEventListener('change', loadRanges);
  time.addEventListener('change', loadRanges);
  fields.forEach((f) => f.direction?.addEventListener('change', showRanges));
  // a value changed while the question stands is asked about again when sent, never sent by a stale "Send anyway"
  fields.forEach((f) => f.input.addEventListener('input', () => outcome.querySelector('#submit-check')?.remove()));

  const sendButton = h('button', { type: 'submit', class: 'button', id: 'submit-send' }, t('submit.send'));
  let sending = false;
  // a refusal's words stand next to their field; the outcome below the form says that this attempt failed,
  // so that it is announced even when focus stays where it was (Enter pressed in that very field)
  const notSaved = () => outcome.replaceChildren(status(t('submit.notSaved'), 'error'));

  // values above the upper end (an extra digit, a missing decimal point) are stored as implausible,
  // never refused: before sending, the household is asked to check them, and may send them anyway
  function askToCheck(high, lang) {
    const anyway = h('button', { type: 'button', class: 'button', id: 'submit-anyway' }, t('submit.sendAnyway'));
    const change = h('button', { type: 'button', class: 'button secondary', id: 'submit-change' }, t('submit.changeValue'));
    anyway.addEventListener('click', (e) => send(e, true));
    change.addEventListener('click', () => {
      outcome.replaceChildren();
      high[0].field.input.focus();
      high[0].field.input.select();
    });
    const check = h('div', { class: 'notice notice-warning', id: 'submit-check', role: 'alert', tabindex: '-1' },
      h('p', {}, h('strong', {}, t('submit.checkTitle'))),
      h('ul', {}, high.map(({ field, value }) => h('li', {}, t('submit.checkAbove', {
        counter: counterLabel(field.counter), value: format(value, lang), max: upperEndText(field.range), unit: unitLabel(field.counter.unit) })))),
      h('p', {}, t('submit.checkWhy')),
      h('p', { class: 'actions' }, anyway, ' ', change));
    outcome.replaceChildren(check);
    // focus on the question, so it is read out and Tab reaches its buttons next, whether sent by click or by Enter
    check.focus();
  }

  async function send(event, checked = false) {
    event.preventDefault();
    // one attempt at a time: a second click or Enter while the first is on its way would put both
    // answers on screen, a confirmation beside the other's refusal
    if (sending) return;
    // a new attempt starts with no outcome: neither the last confirmation nor the last refusal stays
    outcome.replaceChildren();
    fields.forEach((f) => setError(f, ''));
    const at = timestamp();
    const filled = fields.filter((f) => f.input.value.trim() !== '');
    if (!at || filled.length === 0) {
      outcome.append(status(!at ? t('submit.noTime') : t('submit.nothing'), 'error'));
      return;
    }
    const lang = currentLanguage();
    const typed = filled.map((f) => f.input.value);
    const values = typed.map((text) => parseInput(text, lang));
    let bad = false;
    filled.forEach((f, i) => {
      if (values[i] === null) {
        setError(f, t('submit.notANumber', { example: format('12345.6', lang) }));
        bad = true;
      }
    });
    const undirected = filled.filter((f, i) => values[i] !== null && f.direction && !f.direction.value);
    undirected.forEach((f) => setError(f, t('submit.noDirection'), f.direction));
    if (bad) {
      notSaved();
      filled.find((f) => f.input.getAttribute('aria-invalid') === 'true').input.focus();
      return;
    }
    if (undirected.length) {
      notSaved();
      undirected[0].direction.focus();
      return;
    }
    const high = filled.map((field, i) => ({ field, value: values[i] }))
      .filter(({ field, value }) => field.upperEnd !== null && compare(value, field.upperEnd) > 0);
    if (high.length && !checked) {
      askToCheck(high, lang);
      return;
    }
    const readings = filled.map((f, i) => ({ counter_id: f.counter._id, value: new DecimalLiteral(values[i]), source: 'ECP', timestamp: at,
      ...(f.direction?.value ? { direction: f.direction.value } : {}) }));
    sending = true;
    sendButton.setAttribute('aria-disabled', 'true');
    try {
      const answer = await api.submit(meterId, readings);
      const pending = (answer.pending_changesets ?? []).length > 0;
      // the answer holds the stored readings in the order sent; an implausible one is not counted, so no consumption is shown for it
      const stored = answer.data ?? [];
      const flagged = filled.map((f, i) => (stored[i]?.counter_id === f.counter._id ? stored[i]
        : stored.find((r) => r.counter_id === f.counter._id))?.status === 'implausible');
      const implausible = flagged.some(Boolean);
      const lines = filled.map((f, i) => {
        const unit = unitLabel(f.counter.unit);
        const since = !flagged[i] && f.counter.last_reading && isDecimal(f.range?.min_value) ? subtract(values[i], f.range.min_value) : null;
        const named = f.direction?.value ? { ...f.counter, direction: f.direction.value } : f.counter;
        return h('li', {}, `${counterLabel(named)}: ${format(values[i], lang)} ${unit}`,
          flagged[i] ? ` — ${t('submit.notCounted')}` : since !== null ? ` — ${t('submit.since', { value: format(since, lang), unit })}` : '');
      });
      // saved but implausible leads with that (a warning, not thanks with a consumption figure): it will be checked first
      const lead = pending ? t('submit.pending') : implausible ? t('submit.savedImplausible') : t('submit.saved');
      outcome.append(h('div', { class: `notice ${implausible && !pending ? 'notice-warning' : 'notice-success'}`, role: 'status', id: 'submit-saved' },
        h('p', {}, h('strong', {}, lead)),
        implausible ? h('p', { class: 'implausible-note' }, t('submit.implausible')) : null,
        h('ul', {}, lines)));
      // a value typed again while this one was on its way is the household's next one: it stays
      filled.forEach((f, i) => { if (f.input.value === typed[i]) f.input.value = ''; });
      await loadRanges();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const index = /^readings\[(\d+)]/.exec(e.message ?? '');
      const field = index ? filled[Number(index[1])] : filled.length === 1 ? filled[0] : null;
      // the values the words name, where the page knows them (not for a direction the allowed range lacked)
      const known = {};
      if (isDecimal(field?.range?.min_value)) known.min = format(field.range.min_value, lang);
      if (isDecimal(field?.range?.max_value)) known.max = format(field.range.max_value, lang);
      if (field?.direction?.value) known.direction = directionLabel(field.direction.value);
      const words = refusal(e, { ...known, unit: unitLabel(field?.counter.unit) });
      if (field) {
        setError(field, words);
        notSaved();
        field.input.focus();
      } else {
        outcome.append(status(words, 'error'));
      }
    } finally {
      sending = false;
      sendButton.removeAttribute('aria-disabled');
    }
  }

  const head = [
    h('p', { class: 'crumbs' }, h('a', { href: '#/meters' }, t('nav.meters'))),
    h('h1', {}, t('submit.title')),
    // the title, unless it is only the number again, then the number
    h('p', { class: 'muted', id: 'submit-meter' }, meterName(meter))];
  // a removed meter takes no reading: say so instead of a form that can only be refused
  const closed = (await api.allowed(meterId, timestamp())).data.find((r) => r.closed);
  if (closed) {
    show(main, ...head, h('p', { class: 'notice', id: 'submit-closed', role: 'status' }, closed.decommissioned_at
      ? t('submit.closed', { date: formatDate(closed.decommissioned_at) }) : t('submit.closedNoDate')));
    return;
  }
  const governed = meter.reading_governance?.edit_mode === 'approval' || meter.reading_governance?.edit_mode === 'external';
  show(main, ...head,
    governed ? status(t('submit.governed')) : null,
    h('form', { class: 'card form', novalidate: true, onsubmit: send },
      h('fieldset', { class: 'when' },
        h('legend', {}, t('submit.when')),
        h('div', { class: 'field' }, h('label', { for: 'reading-date' }, t('submit.date')), date),
        h('div', { class: 'field' }, h('label', { for: 'reading-time' }, t('submit.time')), time)),
      counters.length > 1 ? h('p', { class: 'hint' }, t('submit.several')) : null,
      fields.map((f) => f.row),
      h('p', {}, sendButton)),
    outcome);
  await loadRanges();
}
