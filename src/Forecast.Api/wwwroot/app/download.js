/** Saves text as a file through a temporary object URL (the API's answers need the key, so no plain link can fetch them). */
export function saveFile(name, blob) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A forecast's points as CSV, with the columns of the API's own CSV forecasts: timestamp,value,lower_80,upper_80,... */
export function forecastCsv(points, levels) {
  const header = ['timestamp', 'value', ...levels.flatMap((l) => [`lower_${l}`, `upper_${l}`])];
  const rows = points.map((p) => [p.timestamp, p.value, ...(p.intervals ?? []).flatMap((i) => [i.lower, i.upper])]);
  return [header, ...rows].map((row) => row.join(',')).join('\n') + '\n';
}
