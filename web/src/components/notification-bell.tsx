import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  NotificationListSchema,
  NotificationsReadSchema,
} from '../../../src/contracts/notifications.ts';
import type { NotificationJson, NotificationList } from '../../../src/contracts/notifications.ts';
import { api } from '../api/client.ts';
import { useLiveEvents, usePollingFallback } from '../api/live.tsx';
import { useRouter } from '../router.tsx';
import { ErrorMessage, formatDate } from './common.tsx';
import { useMutation } from './use-mutation.ts';
import './notification-bell.css';

const loadNotifications = () => api(NotificationListSchema, 'GET', '/v1/notifications');

/**
 * The header's bell: the unread count, and a panel of the newest notifications, each a link to
 * its case (opening one marks it read). Refreshed by live events, polled only when the stream is
 * down.
 */
export function NotificationBell() {
  const { navigate } = useRouter();
  const [list, setList] = useState<NotificationList | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(() => {
    loadNotifications()
      .then((loaded) => {
        setList(loaded);
        setLoadError(null);
      })
      .catch((error: unknown) => {
        setLoadError(error);
      });
  }, []);
  useEffect(refresh, [refresh]);
  useLiveEvents((message) => {
    if (message.kind === 'notification' || message.kind === 'resync') refresh();
  });
  usePollingFallback(refresh, 30_000);

  const markAll = useMutation(
    () => api(NotificationsReadSchema, 'POST', '/v1/notifications/read-all'),
    refresh,
  );
  const openOne = useMutation(
    async (n: NotificationJson) => {
      if (!n.read)
        await api(
          NotificationsReadSchema,
          'POST',
          `/v1/notifications/${encodeURIComponent(n.id)}/read`,
        );
      return n;
    },
    (n) => {
      setOpen(false);
      refresh();
      navigate(`/cases/${encodeURIComponent(n.caseId)}`);
    },
  );

  const unread = list?.unread ?? 0;
  const label = unread === 0 ? 'Notifications' : `Notifications, ${String(unread)} unread`;
  return (
    <div className="bell">
      <button
        ref={buttonRef}
        type="button"
        className="secondary bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      <span className="visually-hidden" role="status">
        {unread === 0 ? '' : `${String(unread)} unread notifications`}
      </span>
      {open && (
        <section
          id={panelId}
          className="bell-panel"
          aria-labelledby={`${panelId}-heading`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <h2 id={`${panelId}-heading`}>Notifications</h2>
          {loadError !== null && <ErrorMessage error={loadError} />}
          {(markAll.error ?? openOne.error) !== null && (
            <ErrorMessage error={markAll.error ?? openOne.error} />
          )}
          {list !== null && list.items.length === 0 && <p>Nothing yet.</p>}
          {list !== null && list.items.length > 0 && (
            <ul className="bell-list">
              {list.items.map((n) => (
                <li key={n.id} className={n.read ? 'read' : 'unread'}>
                  <a
                    href={`/cases/${encodeURIComponent(n.caseId)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      void openOne.submit(n);
                    }}
                  >
                    {!n.read && <span className="visually-hidden">Unread: </span>}
                    {n.message}
                  </a>
                  <time dateTime={n.createdAt}>{formatDate(n.createdAt)}</time>
                </li>
              ))}
            </ul>
          )}
          {unread > 0 && (
            <button
              type="button"
              className="secondary"
              disabled={markAll.busy}
              onClick={() => {
                void markAll.submit();
              }}
            >
              Mark all read
            </button>
          )}
        </section>
      )}
    </div>
  );
}
