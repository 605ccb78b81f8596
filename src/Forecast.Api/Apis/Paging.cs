using Forecast.Domain;

namespace Forecast.Api.Apis;

/// <summary>The page a list answers, within <c>Limits:MaxPageSize</c>.</summary>
public static class Paging
{
    public static void Check(int page, int pageSize, int maxPageSize)
    {
        if (page < 1)
        {
            throw new DomainValidationException("page must be 1 or more.", "page");
        }
        if (pageSize < 1 || pageSize > maxPageSize)
        {
            throw new DomainValidationException($"pageSize must be between 1 and {maxPageSize}.", "pageSize");
        }
    }
}
