using System.Net.Sockets;
using System.Text;

namespace Forecast.Api.Tests;

/// <summary>
/// One request written by hand on a socket, for what HttpClient will not send: a body that trickles or never ends.
/// The body is written while the answer is read; writing stops when the server closes the connection.
/// </summary>
public static class RawExchange
{
    /// <returns>The answer as text: its status line, headers and as much of its body as came.</returns>
    public static async Task<string> SendAsync(Uri server, string framingHeader, Func<Stream, Task> writeBody)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/series HTTP/1.1\r\nHost: {server.Authority}\r\nX-Api-Key: {ForecastApiFactory.AdminKey}\r\nContent-Type: text/csv\r\n{framingHeader}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var writing = Task.Run(async () =>
        {
            try
            {
                await writeBody(stream);
            }
            catch (Exception closed) when (closed is IOException or ObjectDisposedException)
            {
                // The server ended the connection (what the test is after), or the answer is read and the socket closed.
            }
        });
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        // A refused body ends the connection (Connection: close), so the answer ends where the stream does.
        while ((read = await stream.ReadAsync(buffer, patience.Token)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        tcp.Close();
        await writing;
        return answer.ToString();
    }
}
