import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A page: its title in the document and an h1 that takes focus when the page opens, so keyboard and
 * screen-reader users land on the new content after navigating.
 */
export function Page(props: { title: string; heading?: ComponentChildren; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Leadrail console`;
    heading.current?.focus();
  }, [props.title]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {props.heading ?? props.title}
      </h1>
      {props.children}
    </>
  );
}
