using System.Net;
using System.Net.Sockets;
using Forecast.Domain;

namespace Forecast.Api.Webhooks;

/// <summary>
/// Where a webhook may send (the guard against server-side request forgery): an absolute http(s) URL, https only when
/// <c>requireHttps</c>, and no loopback, link-local, private, unique-local, carrier-grade NAT, multicast or unspecified
/// address unless <c>allowPrivate</c>. The URL is checked when registered; every address its host resolves to is checked
/// again when a try connects (<see cref="WebhookSender"/>), so a name that later resolves inward is refused as well.
/// </summary>
public static class WebhookDestinations
{
    public const int MaxUrlLength = 2000;

    /// <exception cref="DomainValidationException">The URL breaks a rule.</exception>
    public static Uri Check(string url, bool requireHttps, bool allowPrivate)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new DomainValidationException($"url must be an absolute http or https URL of at most {MaxUrlLength} characters.", "url");
        }
        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new DomainValidationException("url must use https (Webhooks:RequireHttps).", "url");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new DomainValidationException("url must not carry credentials; verify deliveries by their signature instead.", "url");
        }
        if (!allowPrivate && (uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var literal) && IsInternal(literal))))
        {
            throw new DomainValidationException(
                "url points at a loopback, link-local or private address, which webhooks may not reach (Webhooks:AllowPrivateAddresses).", "url");
        }
        return uri;
    }

    /// <summary>Whether an address is inside a network rather than on the public internet.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes[0] & 0xfe) == 0xfc;
        }
        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] == 0
            || b[0] >= 224;
    }
}
