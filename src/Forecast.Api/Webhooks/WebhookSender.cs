using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Forecast.Api.Configuration;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Webhooks;

/// <summary>The answer to one try: the receiver's status (null when it was not reached), how long it took, and what went wrong.</summary>
public sealed record WebhookTry(int? StatusCode, TimeSpan Duration, string? Error)
{
    public bool Accepted => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Sends one signed delivery. Connections are made to an address checked at that moment (<see cref="WebhookDestinations"/>),
/// not to whatever the name resolves to later, so DNS cannot be turned inward between the check and the connection;
/// redirects are not followed; a try waits at most <see cref="WebhookOptions.Timeout"/>, and at most 4 KiB of the answer is read.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private const int MaxAnswerBytes = 4096;

    private readonly HttpClient client;
    private readonly TimeProvider clock;

    public WebhookSender(IOptions<WebhookOptions> options, WebhookRules rules, TimeProvider clock)
    {
        this.clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, cancellation) => ConnectCheckedAsync(context, rules.AllowPrivateAddresses, cancellation),
        };
        client = new HttpClient(handler) { Timeout = options.Value.Timeout };
    }

    public async Task<WebhookTry> SendAsync(Uri url, Guid id, string secret, string body, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id.ToString());
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(secret, id, timestamp, body));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var answer = await ReadPrefixAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookTry(status, Stopwatch.GetElapsedTime(started),
                response.IsSuccessStatusCode ? null : $"answered {status} {response.ReasonPhrase}: {answer}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new WebhookTry(null, Stopwatch.GetElapsedTime(started), e.InnerException?.Message ?? e.Message);
        }
    }

    public void Dispose() => client.Dispose();

    private static async Task<string> ReadPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxAnswerBytes];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static async ValueTask<Stream> ConnectCheckedAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellation)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellation);
        if (!allowPrivate && addresses.FirstOrDefault(WebhookDestinations.IsInternal) is { } inward)
        {
            throw new HttpRequestException($"refused: {host} resolves to {inward}, an internal address (Webhooks:AllowPrivateAddresses is false).");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
