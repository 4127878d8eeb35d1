import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorMessage } from './error-message';

interface ErrorBoundaryState {
  failed: boolean;
}

/** Last line of defence: a rendering bug shows a French message instead of a blank tab. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for support; the user only sees the French message.
    console.error('Guichet: rendering failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <ErrorMessage
          title="Cette page n'a pas pu s'afficher."
          message="Rechargez l'onglet ; si le problème persiste, contactez le support."
        />
      );
    }
    return this.props.children;
  }
}
