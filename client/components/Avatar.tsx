import styles from './Avatar.module.css';

export interface AvatarProps {
  /** Initials shown when there is no photo. */
  initials: string;
  photoUrl?: string | null;
  size?: 'small' | 'medium' | 'large';
  /** Accessible name; leave empty when the name is written next to the avatar. */
  label?: string;
}

/** Round photo or initials. Decorative unless a label is given. */
export function Avatar({ initials, photoUrl, size = 'medium', label }: AvatarProps) {
  const className = `${styles.avatar} ${styles[size]}`;
  if (photoUrl) return <img src={photoUrl} alt={label ?? ''} className={className} />;
  return (
    <span
      className={className}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {initials.slice(0, 2).toUpperCase()}
    </span>
  );
}
