// Upload a file of readings (CSV or MSCONS) as an import job and follow its progress, result and
// refusals (README "Import and export").
import { h, show, status } from '../../portal/lib/dom.js';
import { t } from '../../portal/lib/i18n.js';
import { admin } from '../admin-api.js';
import { failure } from './edit.js';

const DONE = ['succeeded', 'failed'];

function jobView(job) {
  return h('section', { class: 'card', id: 'import-job', 'data-status': job.status },
    h('h2', {}, t('console.import.job', { id: job.id })),
    h('dl', { class: 'attrs' },
      h('dt', {}, t('console.import.status')), h('dd', { id: 'import-status' }, t(`console.import.status.${job.status}`)),
      h('dt', {}, t('console.import.read')), h('dd', {}, String(job.rows_read)),
      h('dt', {}, t('console.import.stored')), h('dd', { id: 'import-stored' }, String(job.rows_stored)),
      h('dt', {}, t('console.import.refused')), h('dd', { id: 'import-refused' }, String(job.rows_refused))),
    job.status === 'running' || job.status === 'queued'
      ? h('progress', { 'aria-label': t('console.import.status') }) : null,
    job.refusals?.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data dense', id: 'refusals' },
      h('caption', {}, t('console.import.refusals')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('console.import.row')), h('th', { scope: 'col' }, t('console.import.line')),
        h('th', { scope: 'col' }, t('console.import.reason')), h('th', { scope: 'col' }, t('console.import.message')))),
      h('tbody', {}, job.refusals.map((r) => h('tr', {}, h('td', {}, r.row ?? ''), h('td', {}, r.line ?? ''),
        h('td', {}, r.reason ?? ''), h('td', {}, r.message ?? '')))))) : null);
}

async function follow(slot, jobId) {
  for (;;) {
    const { data: job } = await admin.importJob(jobId);
    slot.replaceChildren(jobView(job));
    if (DONE.includes(job.status) || !slot.isConnected) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function importsView(main, params) {
  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,.txt,.edi,text/csv', required: true });
  const commit = h('select', { id: 'import-commit' }, h('option', { value: 'file' }, t('console.import.commit.file')),
    h('option', { value: 'chunk' }, t('console.import.commit.chunk')));
  const slot = h('div', { 'aria-live': 'polite' });
  const submit = async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      const { data: job } = await admin.upload(chosen, { commit: commit.value });
      history.replaceState(null, '', `#/imports?job=${encodeURIComponent(job.id)}`);
      await follow(slot, job.id);
    } catch (e) {
      slot.replaceChildren(failure(e));
    }
  };
  show(main,
    h('h1', {}, t('console.nav.imports')),
    h('section', { class: 'card' },
      h('p', { class: 'muted' }, t('console.import.intro')),
      h('form', { id: 'import-form', onsubmit: submit }, h('div', { class: 'toolbar' },
        h('label', { for: 'import-file' }, t('console.import.file'), file),
        h('label', { for: 'import-commit' }, t('console.import.commit'), commit),
        h('button', { type: 'submit', class: 'button' }, t('console.import.upload'))))),
    slot);
  if (params.get('job')) await follow(slot, params.get('job')).catch((e) => slot.replaceChildren(failure(e) ?? status(e.message, 'error')));
}
