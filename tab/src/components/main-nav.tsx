import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { hrefFor, type RouteDefinition } from '../navigation/routes';

const useStyles = makeStyles({
  nav: {
    paddingInline: tokens.spacingHorizontalXXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 600px)': { paddingInline: tokens.spacingHorizontalS },
  },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  link: {
    display: 'block',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
    textDecorationLine: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

interface MainNavProps {
  routes: readonly RouteDefinition[];
  currentId: string | undefined;
}

/** Primary navigation: plain links (not a tablist), because each entry is a page with its own address. */
export function MainNav({ routes, currentId }: MainNavProps) {
  const styles = useStyles();
  return (
    <nav aria-label="Navigation principale" className={styles.nav}>
      <ul className={styles.list}>
        {routes.map((route) => {
          const isCurrent = route.id === currentId;
          return (
            <li key={route.id}>
              <a
                href={hrefFor(route)}
                aria-current={isCurrent ? 'page' : undefined}
                className={mergeClasses(styles.link, isCurrent && styles.current)}
              >
                {route.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
