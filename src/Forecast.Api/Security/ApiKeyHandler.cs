using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header: the admin key from configuration, or a client key whose
/// secret matches its stored hash and which has not been revoked. Refusals are problem details.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    ClientKeys clientKeys,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].ToString();
        // The dashboard cookie is honoured on the dashboard only: a browser attaches cookies to requests
        // other sites make it send, so accepting it on the API would open it to cross-site request forgery.
        if (presented.Length == 0 && Request.Path.StartsWithSegments(DashboardAccess.Path))
        {
            presented = Request.Cookies[DashboardAccess.CookieName] ?? "";
        }
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        if (ApiKeySecret.SameKey(presented, auth.Value.AdminKey!))
        {
            return Success(Caller.Admin(SchemeName));
        }
        if (!ApiKeySecret.TryParse(presented, out var id, out var secret))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        var key = await clientKeys.FindAsync(id, Context.RequestAborted);
        // An unknown id and a wrong secret get the same answer, so the answer does not confirm that an id exists.
        if (key is null || !ApiKeySecret.Matches(secret, key.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        if (key.Revoked)
        {
            return AuthenticateResult.Fail("This API key has been revoked.");
        }
        return Success(Caller.Client(id, SchemeName));
    }

    private static AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message
            ?? $"An API key is required: send it in the {HeaderName} header (the dashboard also takes ?key= once and keeps it in a cookie).";
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This endpoint is for the admin key only.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
