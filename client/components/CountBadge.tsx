import styles from './CountBadge.module.css';

/**
 * A count next to a navigation entry: the number is decoration (hidden from screen readers), the
 * link's name gets `label` (", 3 unread messages") instead. Nothing when the count is 0.
 */
export function CountBadge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <>
      <span className={styles.badge} aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
      <span className="visually-hidden">, {label}</span>
    </>
  );
}
