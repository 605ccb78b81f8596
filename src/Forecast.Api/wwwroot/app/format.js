/** Numbers as a person reads them: a few significant digits, '–' where the API has none. */
export function num(value, digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 1e15) {
    return value.toLocaleString('en');
  }
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) {
    return value.toExponential(2);
  }
  return value.toLocaleString('en', { maximumSignificantDigits: Math.max(digits, Math.ceil(Math.log10(magnitude + 1))) });
}

/** A count with its noun, plural but for one: '1 point', '12 points'. */
export function counted(count, noun) {
  return `${num(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first few of a list (periods, keys), '…' standing for the rest. */
export function listed(items, shown = 12) {
  return items.slice(0, shown).join(', ') + (items.length > shown ? ', …' : '');
}

/** A series' or a collection's calendar in a line: its holidays, events and calendar features; null for none. */
export function calendarText(calendar) {
  if (!calendar) {
    return null;
  }
  const { holidays, events, features } = calendar;
  return [
    holidays && `${holidays.country}${holidays.region ? `-${holidays.region}` : ''} public holidays`,
    events.length && `events ${events.map((e) => `${e.name} (${counted(e.dates.length, 'date')})`).join(', ')}`,
    features.length && `features ${features.join(', ')}`,
  ].filter(Boolean).join('; ');
}

export function percent(share) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(0)} %`;
}

/** How training ended: its epochs, and the one whose weights the model keeps (0: a warm start's own, which no epoch beat). */
export function epochs({ epochsRun, bestEpoch, stoppedEarly }) {
  const best = bestEpoch === 0 ? 'kept the weights it started from' : `best epoch ${bestEpoch}`;
  return `${epochsRun} epochs${stoppedEarly ? ', stopped early' : ''}, ${best}`;
}

export function seconds(total) {
  if (total === null || total === undefined) {
    return '–';
  }
  const rounded = Math.max(0, Math.round(total));
  return rounded < 60 ? `${rounded} s` : `${Math.floor(rounded / 60)} min ${rounded % 60} s`;
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}

// Minutes per period of the sub-daily frequencies: exact steps in UTC, as the service counts them.
const minutesPerPeriod = { minutes1: 1, minutes5: 5, minutes10: 10, minutes15: 15, minutes30: 30, hourly: 60 };

/** A series' timestamps: its start and then one period after another, as the service's Frequency.Advance counts them. */
export function timestamps(start, frequency, count) {
  const minutes = minutesPerPeriod[frequency];
  if (minutes) {
    const first = Date.parse(start);
    return Array.from({ length: count }, (_, i) => `${new Date(first + i * minutes * 60000).toISOString().slice(0, 19)}Z`);
  }
  const [year, month, day] = start.split('-').map(Number);
  const months = { monthly: 1, quarterly: 3, yearly: 12 }[frequency];
  const days = { daily: 1, weekly: 7 }[frequency];
  const lastDay = (y, m) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const monthEnd = day === lastDay(year, month - 1);
  return Array.from({ length: count }, (_, i) => {
    if (days) {
      return isoDate(new Date(Date.UTC(year, month - 1, day + i * days)));
    }
    // A start at a month's end stays at the end; another day is kept where the month has it, else its last day.
    const first = new Date(Date.UTC(year, month - 1 + i * months, 1));
    const last = lastDay(first.getUTCFullYear(), first.getUTCMonth());
    return isoDate(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), monthEnd ? last : Math.min(day, last))));
  });
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}
