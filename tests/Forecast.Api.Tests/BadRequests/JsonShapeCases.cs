using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// JSON that a lenient reader would take with a guess: a key given twice, nesting past any sane depth, comments, trailing
/// commas, nulls where numbers go, lone surrogates. The answer names the field and the position, never a .NET type.
/// </summary>
public static class JsonShapeCases
{
    private static readonly string Deep = new string('[', 10_000) + new string(']', 10_000);

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a series name given twice", HttpStatusCode.BadRequest, "name", _ => Upload($"{{\"name\":\"a\",\"name\":\"b\",{Daily},\"values\":[1,2,3]}}")),
        new("values given twice", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"a\",{Daily},\"values\":[1,2,3],\"values\":[4,5,6]}}")),
        new("epochs given twice", HttpStatusCode.BadRequest, "epochs", Train("{\"epochs\":2,\"epochs\":5000}")),
        new("a key given twice in different case", HttpStatusCode.BadRequest, "name", _ => Upload($"{{\"name\":\"a\",\"Name\":\"b\",{Daily},\"values\":[1,2,3]}}")),
        new("values nested 10,000 deep", HttpStatusCode.BadRequest, "depth", _ => Upload($"{{\"name\":\"a\",{Daily},\"values\":{Deep}}}")),
        new("a comment in JSON", HttpStatusCode.BadRequest, "'/'", _ => Upload($"{{\"name\":\"a\", /* why */ {Daily},\"values\":[1,2,3]}}")),
        new("a trailing comma", HttpStatusCode.BadRequest, "comma", _ => Upload($"{{\"name\":\"a\",{Daily},\"values\":[1,2,3],}}")),
        new("a null among the values", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"a\",{Daily},\"values\":[1,null,3]}}")),
        new("values as an object", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"a\",{Daily},\"values\":{{\"1\":1}}}}")),
        new("a name with a lone surrogate", HttpStatusCode.BadRequest, "surrogate", _ => Upload($"{{\"name\":\"a\\uD800b\",{Daily},\"values\":[1,2,3]}}")),
        new("a boolean for a number", HttpStatusCode.BadRequest, "hiddenSize", Train("{\"hiddenSize\":true}")),
        new("an object for a string", HttpStatusCode.BadRequest, "transform", Train("{\"transform\":{\"name\":\"log\"}}")),
        new("a string for an object", HttpStatusCode.BadRequest, "backtest", Train("{\"backtest\":\"3 windows\"}")),
        new("a number for a list", HttpStatusCode.BadRequest, "timestamps", _ => Upload("{\"name\":\"a\",\"values\":[1,2,3],\"timestamps\":20240101}")),
        new("a 100,000-character property name", HttpStatusCode.BadRequest, "not a field", _ => Upload($"{{\"{new string('p', 100_000)}\":1,\"name\":\"a\",{Daily},\"values\":[1,2,3]}}")),
    ];
}
