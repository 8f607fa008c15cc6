/**
 * The header's menus and dialogs (react-aria overlays): one lazy chunk, loaded when the browser is
 * idle after the first paint or on the first press of a stand-in trigger (`LightTriggers.tsx`).
 */
export { UserMenu } from './UserMenu';
export { MobileMenu } from './MobileMenu';
export { NotificationBell } from '../../features/notifications/NotificationBell';
