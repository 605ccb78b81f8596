// Runs started from this tab, by the series or collection they train on, so that its page can link to them.
// The API lists no runs of a subject yet; until it does, this tab's own are what the page can show.
const storageKey = 'forecast.recentRuns';

function all() {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? '{}');
  } catch {
    return {};
  }
}

export function rememberRun(subjectId, run) {
  const runs = all();
  runs[subjectId] = [{ id: run.id, createdAt: run.createdAt }, ...(runs[subjectId] ?? [])].slice(0, 10);
  sessionStorage.setItem(storageKey, JSON.stringify(runs));
}

export function runsOf(subjectId) {
  return all()[subjectId] ?? [];
}
