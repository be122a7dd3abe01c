using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samraad.Common;

/// <summary>
/// What the OpenAPI document says of an endpoint: an operationId (what a generated client names the method), the
/// typed success body and the problem+json answers it can give, so a client knows every outcome without reading code.
/// </summary>
public static class ApiDocs
{
    /// <summary>Operation id, summary, the 200 body and the problem responses (400 is a validation problem with field errors).</summary>
    public static RouteHandlerBuilder Documented<T>(this RouteHandlerBuilder endpoint, string operationId, string summary, params int[] problems) =>
        endpoint.Documented<T>(StatusCodes.Status200OK, operationId, summary, problems);

    /// <summary>As <see cref="Documented{T}(RouteHandlerBuilder, string, string, int[])"/> with another success status (201 for a creation).</summary>
    public static RouteHandlerBuilder Documented<T>(this RouteHandlerBuilder endpoint, int success, string operationId, string summary, params int[] problems) =>
        endpoint.WithName(operationId).WithSummary(summary).Produces<T>(success).Problems(problems);

    /// <summary>As <see cref="Documented{T}(RouteHandlerBuilder, string, string, int[])"/> for an endpoint that answers 204 without a body.</summary>
    public static RouteHandlerBuilder DocumentedNoContent(this RouteHandlerBuilder endpoint, string operationId, string summary, params int[] problems) =>
        endpoint.WithName(operationId).WithSummary(summary).Produces(StatusCodes.Status204NoContent).Problems(problems);

    static RouteHandlerBuilder Problems(this RouteHandlerBuilder endpoint, int[] problems)
    {
        foreach (var status in problems)
            endpoint = status == StatusCodes.Status400BadRequest ? endpoint.ProducesValidationProblem() : endpoint.ProducesProblem(status);
        return endpoint;
    }

    /// <summary>
    /// The document names how to sign in (the session cookie set by POST /api/session) and that every operation but
    /// the log-in needs it, and gives the API a title and description of its own.
    /// </summary>
    public static void Describe(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            // Every operation gets an id (a generated client's method name) and at least one 4xx answer.
            var route = context.Description.RelativePath ?? "";
            operation.OperationId ??= OperationId(context.Description.HttpMethod ?? "get", route);
            operation.Responses ??= new OpenApiResponses();
            var signedIn = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any();
            if (signedIn && !operation.Responses.ContainsKey("401"))
                operation.Responses["401"] = new OpenApiResponse { Description = "Ikke logget ind: log ind med POST /api/session." };
            if (!operation.Responses.Keys.Any(k => k.StartsWith('4')))
                operation.Responses["400"] = new OpenApiResponse { Description = "Forespørgslen er ugyldig (problem+json med årsagen)." };
            if (!signedIn) operation.Security = []; // the log-in and the public search need no session
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(DescribeDocument);
    }

    static readonly Dictionary<string, string> Tags = new()
    {
        ["Session"] = "Log ind og ud; sessionscookien bruges af alle andre kald.",
        ["Indsamlinger"] = "Skemaer, besvarelser (kladde, indsend, genåbn), sammendrag, oversigtstabel, eksport og ændringslog.",
        ["Møder"] = "Møder, dagsordener i den offentliggjorte udgave, opfølgningsopgaver og søgning.",
        ["Puljer"] = "Puljer, ansøgninger, berettigelse og fordeling.",
        ["Resultatkontrakter"] = "Resultatkontrakter og målenes status.",
        ["Nøgletal og indikatorer"] = "Nøgletal pr. indberetter og periode og indikatorer beregnet af dem.",
        ["Undersøgelser og pivottabeller"] = "Undersøgelser (mikrodata) og pivottabeller.",
        ["Referencedata"] = "Kommuner, regioner, KKR'er, partnere og grupperinger.",
    };

    /// <summary>"GET api/pools/{slug}/applications" → "getPoolsApplications".</summary>
    static string OperationId(string method, string route)
    {
        var words = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "api" && !p.StartsWith('{'))
            .Select(p => string.Concat(p.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
        return method.ToLowerInvariant() + string.Concat(words) + (route.TrimEnd('/').EndsWith('}') ? "ById" : "");
    }

    static Task DescribeDocument(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Samraad API";
        document.Info.License = new OpenApiLicense { Name = "Samraad (KKR-platform); data fra kommunerne tilhører afsenderne", Identifier = "LicenseRef-Samraad" };
        // The address of `dotnet run` (README's first command), without a trailing "/": a client points at its own instance.
        document.Servers = [new OpenApiServer { Url = "http://127.0.0.1:5080", Description = "Samraad lokalt; en driftsinstans har sin egen adresse" }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Info.Description = "Indsamlinger, besvarelser, sammendrag, møder, puljer, kontrakter, nøgletal og undersøgelser. " +
            "Log ind med POST /api/session; svaret sætter sessionscookien, som alle andre kald bruger. Fejl er application/problem+json.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["session"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "samraad",
            Description = "Sessionscookien fra POST /api/session.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", document)] = [] }];
        return Task.CompletedTask;
    }
}
