import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * The page's h1. A page whose code arrives after the route changed misses the layout's focus on
 * the new h1: it takes the focus itself when it appears, unless the reader is already inside the
 * page (typing in a form).
 */
export const PageHeading = ({ children }: { children: ComponentChildren }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const main = ref.current?.closest('main');
    if (main && !main.contains(document.activeElement)) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
};
