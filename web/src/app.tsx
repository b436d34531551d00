import type { ReactNode } from 'react';
import { roles, type Role } from '../../src/contracts/enumerations.ts';
import { Loading, PageTitle } from './components/common.tsx';
import { BatchScreenPage } from './pages/batch-screen-page.tsx';
import { CasePage } from './pages/case-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { CasesPage } from './pages/cases-page.tsx';
import { QueuePage } from './pages/queue-page.tsx';
import { ListDiffPage, ListsPage } from './pages/lists-page.tsx';
import { NewApplicationPage } from './pages/new-application-page.tsx';
import { PeoplePage } from './pages/people-page.tsx';
import { ScreenPage } from './pages/screen-page.tsx';
import { ChangePasswordPage, EnrolPage } from './pages/password-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { StatisticsPage } from './pages/statistics-page.tsx';
import { ProposalPage, ProposalsPage } from './pages/proposals-page.tsx';
import { PublicConsultationsPage } from './pages/public-consultations-page.tsx';
import { PublicConsultationsAdminPage } from './pages/public-consultations-admin-page.tsx';
import { TransparencyReportPage } from './pages/transparency-report-page.tsx';
import { VerifyPage } from './pages/verify-page.tsx';
import { Link, matchPath, useRouter } from './router.tsx';
import { LiveEventsProvider, useLiveStatus } from './api/live.tsx';
import { NotificationBell } from './components/notification-bell.tsx';
import { officerRoles, useSession } from './session.tsx';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly roles: readonly Role[];
}

const everyone: readonly Role[] = roles;

/** The navigation, by role: each person sees the work their roles allow. */
const nav: readonly NavItem[] = [
  { to: '/queue', label: 'Work queue', roles: [...officerRoles, 'auditor'] },
  { to: '/audit', label: 'Audit trail', roles: ['auditor'] },
  { to: '/applications', label: 'My applications', roles: ['exporter'] },
  { to: '/applications/new', label: 'New application', roles: ['exporter'] },
  { to: '/screen', label: 'Screen a name', roles: everyone },
  { to: '/screen/batch', label: 'Screen a file', roles: everyone },
  { to: '/lists', label: 'Lists', roles: ['administrator', ...officerRoles, 'auditor'] },
  {
    to: '/statistics',
    label: 'Statistics',
    roles: [...officerRoles, 'administrator', 'auditor'],
  },
  {
    to: '/proposals',
    label: 'Proposals',
    roles: [...officerRoles, 'administrator', 'auditor'],
  },
  {
    to: '/reports/transparency',
    label: 'Transparency report',
    roles: [...officerRoles, 'administrator', 'auditor'],
  },
  {
    to: '/admin/consultations',
    label: 'Consultations',
    roles: [...officerRoles, 'administrator', 'auditor'],
  },
  { to: '/consultations', label: 'Public consultations', roles: ['commenter'] },
  { to: '/admin/people', label: 'Users and tokens', roles: ['administrator', 'auditor'] },
  { to: '/account/password', label: 'Password', roles: [...everyone, 'commenter'] },
];

function home(roles: readonly Role[]): string {
  if (roles.some((r) => officerRoles.includes(r))) return '/queue';
  if (roles.includes('exporter')) return '/applications';
  if (roles.includes('administrator')) return '/lists';
  if (roles.includes('auditor')) return '/audit';
  if (roles.includes('commenter')) return '/consultations';
  return '/screen';
}

function NotFound() {
  return (
    <>
      <PageTitle title="Not found">Page not found</PageTitle>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}

function Forbidden() {
  return (
    <>
      <PageTitle title="Not allowed">Not available to your roles</PageTitle>
      <p>Your roles do not include this page.</p>
    </>
  );
}

function Page({
  path,
  roles,
}: {
  readonly path: string;
  readonly roles: readonly Role[];
}): ReactNode {
  const allowed = (to: string) =>
    nav.find((n) => n.to === to)?.roles.some((r) => roles.includes(r)) ?? false;
  const guard = (to: string, page: ReactNode) => (allowed(to) ? page : <Forbidden />);
  if (path === '/screen') return <ScreenPage />;
  if (path === '/screen/batch') return <BatchScreenPage />;
  if (path === '/applications/new') return guard('/applications/new', <NewApplicationPage />);
  if (path === '/applications') return guard('/applications', <CasesPage mode="mine" />);
  if (path === '/queue') return guard('/queue', <QueuePage />);
  if (path === '/audit') return guard('/audit', <AuditPage />);
  if (path === '/lists') return guard('/lists', <ListsPage />);
  if (path === '/statistics') return guard('/statistics', <StatisticsPage />);
  if (path === '/proposals') return guard('/proposals', <ProposalsPage />);
  const proposal = matchPath('/proposals/:id', path);
  if (proposal?.['id']) return guard('/proposals', <ProposalPage id={proposal['id']} />);
  if (path === '/reports/transparency') {
    return guard('/reports/transparency', <TransparencyReportPage />);
  }
  if (path === '/admin/consultations') {
    return guard('/admin/consultations', <PublicConsultationsAdminPage />);
  }
  const adminConsultation = matchPath('/admin/consultations/:id', path);
  if (adminConsultation?.['id']) {
    return guard(
      '/admin/consultations',
      <PublicConsultationsAdminPage id={adminConsultation['id']} />,
    );
  }
  if (path === '/admin/people') return guard('/admin/people', <PeoplePage />);
  if (path === '/account/password') {
    return (
      <ChangePasswordPage
        forced={false}
        onDone={() => {
          /* the session stays; nothing to reload */
        }}
      />
    );
  }
  const diff = matchPath('/lists/diff/:before/:after', path);
  if (diff?.['before'] && diff['after'])
    return <ListDiffPage before={diff['before']} after={diff['after']} />;
  const consultation = matchPath('/consultations/:id', path) ?? matchPath('/consultations', path);
  if (consultation) {
    return (
      <PublicConsultationsPage
        {...(consultation['id'] === undefined ? {} : { id: consultation['id'] })}
      />
    );
  }
  const theCase = matchPath('/cases/:id', path);
  if (theCase?.['id']) return <CasePage id={theCase['id']} />;
  return <NotFound />;
}

/** The shell: a skip link, the header with role-aware navigation, and the page. */
export function App() {
  const { principal, signOut, refresh } = useSession();
  const { location, navigate } = useRouter();

  // The public verification page: no sign-in.
  const verify = matchPath('/verify/:code', location.path) ?? matchPath('/verify', location.path);
  if (verify)
    return (
      <main id="main" className="narrow">
        <VerifyPage code={verify['code'] ?? ''} />
      </main>
    );
  // Public consultations: anyone reads them without signing in (a commenter also comments).
  const consultation =
    matchPath('/consultations/:id', location.path) ?? matchPath('/consultations', location.path);
  if (consultation && principal === null)
    return (
      <main id="main" className="narrow">
        <p>
          <Link to="/sign-in">Sign in</Link>
        </p>
        <PublicConsultationsPage
          {...(consultation['id'] === undefined ? {} : { id: consultation['id'] })}
        />
      </main>
    );
  if (principal === undefined) return <Loading what="Cordon" />;

  const path = location.path.replace(/\/+$/, '') || '/';
  if (principal === null) {
    return (
      <main id="main" className="narrow">
        {path === '/enrol' ? <EnrolPage /> : <SignInPage />}
      </main>
    );
  }
  if (principal.passwordChangeRequired === true) {
    return (
      <main id="main" className="narrow">
        <ChangePasswordPage
          forced
          onDone={() => {
            void refresh();
          }}
        />
      </main>
    );
  }
  if (path === '/' || path === '/sign-in') {
    queueMicrotask(() => {
      navigate(home(principal.roles), { replace: true });
    });
    return <Loading what="your start page" />;
  }
  const items = nav.filter((n) => n.roles.some((r) => principal.roles.includes(r)));
  return (
    <LiveEventsProvider>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <Header>
        <span className="brand">Cordon</span>
        <nav aria-label="Main">
          <ul>
            {items.map((n) => (
              <li key={n.to}>
                <Link to={n.to} current={path === n.to}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <NotificationBell />
          <span>
            {principal.username} <span className="roles">({principal.roles.join(', ')})</span>
          </span>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void signOut().then(() => {
                navigate('/', { replace: true });
              });
            }}
          >
            Sign out
          </button>
        </div>
      </Header>
      <main id="main">
        <Page path={path} roles={principal.roles} />
      </main>
    </LiveEventsProvider>
  );
}

/** The header, marked with whether live updates arrive (`data-live`: open, connecting, failed). */
function Header({ children }: { readonly children: ReactNode }) {
  return (
    <header className="top" data-live={useLiveStatus()}>
      {children}
    </header>
  );
}
