using Hangfire.Dashboard;

namespace Forecast.Api.Security;

/// <summary>
/// The job dashboard in a browser, which cannot send the <c>X-Api-Key</c> header: opening
/// <c>/hangfire?key=...</c> once stores the key in an HttpOnly, SameSite=Strict cookie scoped to the dashboard
/// and redirects to the same page without the key, so it does not stay in the address bar or in Referer
/// headers. The admin key may act (requeue, delete jobs); any other valid key sees the dashboard read-only.
/// </summary>
public static class DashboardAccess
{
    public const string Path = "/hangfire";
    public const string CookieName = "forecast_dashboard_key";
    private const string KeyParameter = "key";

    public static IApplicationBuilder UseDashboardKeyCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(Path)
            && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Query.TryGetValue(KeyParameter, out var key) && key.ToString().Length > 0)
        {
            context.Response.Cookies.Append(CookieName, key.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = Path,
                IsEssential = true,
            });
            var rest = QueryString.Create(context.Request.Query.Where(q => q.Key != KeyParameter));
            context.Response.Redirect($"{context.Request.PathBase}{context.Request.Path}{rest}");
            return;
        }
        await next(context);
    });

    /// <summary>Hangfire's own check, behind the endpoint's authorization: a valid key of any kind.</summary>
    public sealed class AuthenticatedCallerFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity?.IsAuthenticated == true;
    }

    public static bool IsReadOnly(DashboardContext context) => !Caller.IsAdmin(context.GetHttpContext().User);
}
