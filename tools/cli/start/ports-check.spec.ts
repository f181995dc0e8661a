import { createServer, type Server } from 'node:net';
import { checkPortsFree } from './local-services';

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe("`tianping start`'s check that the apps' ports are free", () => {
  const saved = process.env.PORT_INTAKE;
  afterEach(() => {
    if (saved === undefined) delete process.env.PORT_INTAKE;
    else process.env.PORT_INTAKE = saved;
  });

  it('refuses at once, naming the app and port, when something already answers there (a suite already running)', async () => {
    const { server, port } = await listen();
    process.env.PORT_INTAKE = String(port);
    try {
      await expect(checkPortsFree(['intake'])).rejects.toThrow(new RegExp(`ports already in use \\(intake ${port}\\): is Tianping already running\\?`));
    } finally {
      server.close();
    }
  });

  it('lets the start go on when nothing answers', async () => {
    const { server, port } = await listen();
    await new Promise((resolve) => server.close(resolve));
    process.env.PORT_INTAKE = String(port);
    await expect(checkPortsFree(['intake'])).resolves.toBeUndefined();
  });
});
