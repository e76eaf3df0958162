import { startTransition, useEffect, useState } from 'react';

/**
 * False for the first paint, then true, set in a transition: a long list
 * renders its first screen at once and React renders the rest in slices that
 * yield to the browser, instead of one long task that holds the page before
 * anyone can scroll or type.
 */
export function useRevealAll(): boolean {
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setRevealed(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return revealed;
}
