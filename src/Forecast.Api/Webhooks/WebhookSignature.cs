using System.Security.Cryptography;
using System.Text;

namespace Forecast.Api.Webhooks;

/// <summary>
/// Signs deliveries as the Standard Webhooks specification does (standardwebhooks.com): the secret is <c>whsec_</c> and
/// base64 of 32 random bytes; <c>webhook-signature</c> is <c>v1,</c> and base64 of HMAC-SHA256, keyed by those bytes, over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>. A receiver recomputes it and compares in constant time, and refuses
/// a timestamp far from its clock, which stops replays.
/// </summary>
public static class WebhookSignature
{
    private const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <param name="timestamp">Unix seconds, as the <c>webhook-timestamp</c> header carries them.</param>
    public static string Sign(string secret, Guid id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
