using Forecast.Api.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Security;

public static class AuthExtensions
{
    /// <summary>Requires the admin key; see <see cref="AuthOptions"/>.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>
    /// API keys on every endpoint by default (a fallback policy, so an endpoint added later is protected
    /// without anyone remembering to); endpoints that must stay open say so with AllowAnonymous.
    /// </summary>
    public static IHostApplicationBuilder AddForecastAuth(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<ClientKeys>();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.PostConfigure<AuthOptions>(options =>
            {
                if (string.IsNullOrWhiteSpace(options.AdminKey))
                {
                    options.AdminKey = AuthOptions.DevelopmentAdminKey;
                }
            });
        }

        builder.Services.AddAuthentication(ApiKeyHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireRole(Caller.AdminRole));
        // Hangfire checks its dashboard's form posts against antiforgery tokens when this service exists.
        builder.Services.AddAntiforgery();
        return builder;
    }

    /// <summary>The dashboard's key cookie, then authentication and authorization.</summary>
    public static IApplicationBuilder UseForecastAuth(this IApplicationBuilder app) => app
        .UseDashboardKeyCookie()
        .UseAuthentication()
        .UseAuthorization();
}
