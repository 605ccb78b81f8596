using System.Security.Claims;

namespace Forecast.Api.Security;

/// <summary>Who is calling, as the API key handler describes them in claims.</summary>
public static class Caller
{
    public const string AdminRole = "admin";
    public const string ClientRole = "client";

    /// <summary>The owner of what the admin creates. No client key has this id, so clients never see it.</summary>
    public static readonly Guid AdminOwnerId = Guid.Empty;

    public static ClaimsPrincipal Admin(string scheme) => Principal(AdminOwnerId, AdminRole, scheme);

    public static ClaimsPrincipal Client(Guid keyId, string scheme) => Principal(keyId, ClientRole, scheme);

    /// <summary>The caller's key id (<see cref="AdminOwnerId"/> for the admin), or null for an anonymous request.</summary>
    public static Guid? KeyIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(AdminRole);

    private static ClaimsPrincipal Principal(Guid keyId, string role, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, keyId.ToString()),
            new Claim(ClaimTypes.Name, role == AdminRole ? AdminRole : keyId.ToString()),
            new Claim(ClaimTypes.Role, role),
        ],
        scheme));
}
