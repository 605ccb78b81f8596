// The API key lives in this tab's sessionStorage: gone when the tab closes, never a cookie, so no other
// site can make the browser send it.
const storageKey = 'forecast.apiKey';

export function currentKey() {
  return sessionStorage.getItem(storageKey) ?? '';
}

export function useKey(key) {
  sessionStorage.setItem(storageKey, key);
}

export function forgetKey() {
  sessionStorage.removeItem(storageKey);
}
