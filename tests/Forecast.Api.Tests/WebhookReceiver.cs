using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Forecast.Api.Tests;

/// <summary>A real HTTP endpoint on loopback that records every webhook it receives and answers with the statuses it is told.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<int> answers = new();
    private readonly Task loop;

    public sealed record Received(DateTime At, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <param name="answers">The statuses of the first answers, in order; 200 after them.</param>
    public WebhookReceiver(params int[] answers)
    {
        foreach (var status in answers)
        {
            this.answers.Enqueue(status);
        }
        Url = $"http://127.0.0.1:{FreePort()}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Adds headers and a body to every answer, after its status; none by default.</summary>
    public Action<HttpListenerResponse>? Answer { get; init; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Waits until <paramref name="count"/> requests have arrived.</summary>
    public Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? timeout = null) => WaitForAsync(count, _ => true, timeout);

    /// <summary>
    /// Waits until <paramref name="count"/> requests that <paramref name="which"/> accepts have arrived; returns those.
    /// Events of earlier work may still arrive after a webhook is created, since a finished run's event is worked out
    /// after it is stored: a test of one run's events picks them out.
    /// </summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, Func<Received, bool> which, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (Requests.Count(which) < count)
        {
            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)), $"{Requests.Count(which)} of {count} webhooks arrived");
            await Task.Delay(20);
        }
        return Requests.Where(which).ToList();
    }

    /// <summary>Whether the delivery is about run <paramref name="runId"/> (its data's runId).</summary>
    public static Func<Received, bool> AboutRun(Guid runId) => received =>
        JsonDocument.Parse(received.Body).RootElement.GetProperty("data").TryGetProperty("runId", out var id) && id.GetGuid() == runId;

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!);
            Requests.Enqueue(new Received(DateTime.UtcNow, headers, body));
            context.Response.StatusCode = answers.TryDequeue(out var status) ? status : 200;
            Answer?.Invoke(context.Response);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
