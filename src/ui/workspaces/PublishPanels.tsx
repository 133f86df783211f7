import { Placeholder } from './Placeholder.tsx';

/** Where approved dispatch lists go to the MES. */
export function PublishPanels() {
  return (
    <Placeholder title="Publish">
      <p>Dispatch lists approved in <a href="#/schedule">Schedule</a> will be published here to the MES: ISA-95 B2MML XML, JSON or CSV,
        over REST or MQTT, delivered exactly once through an outbox kept in this browser, with an audit log of who approved and published what.</p>
    </Placeholder>
  );
}
