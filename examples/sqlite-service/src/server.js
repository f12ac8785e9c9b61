// `npm start`: the service on http://localhost:3000 with a database file beside it.
import { createApp } from './app.js';
import { openDatabase } from './db.js';

const port = Number(process.env.PORT ?? 3000);
const { server } = createApp(openDatabase(process.env.DB ?? 'cases.db'));
server.listen(port, () => console.log(`escalation-protocols sqlite service on http://localhost:${port}`));
