/**
 * What an exporter is told happens next, by the stage it sees: never an automated outcome, which
 * would read like a decision before any officer has looked at the case.
 */
export function whatHappensNext(stage: string | undefined, hasOpenQuestion: boolean): string {
  switch (stage) {
    case 'draft':
      return 'This is a draft: nothing happens until you submit it. Officers see it once you do.';
    case 'submitted':
    case 'under-review':
      return 'The licensing authority is reviewing your application. If it needs anything from you, it will ask here and you will be notified; otherwise you will be told its decision.';
    case 'returned-to-exporter':
      return hasOpenQuestion
        ? 'The licensing authority has asked you a question: answer it below (attach a document if it asks for one). The review continues once you answer.'
        : 'The application is back with you: see the messages below.';
    case 'finalised':
      return 'A decision has been made: it is shown below with its letter.';
    case 'appeal':
      return 'Your appeal has been lodged: a senior officer who did not take the decision will decide it.';
    case 'suspended':
      return 'The licence is suspended: it may not be used until it is reinstated.';
    case 'revoked':
      return 'The licence has been revoked and may no longer be used.';
    case 'withdrawn':
      return 'You withdrew this application: nothing more happens to it.';
    default:
      return 'The licensing authority is working on your application.';
  }
}
