namespace Samraad.Common;

/// <summary>
/// A NUL character in text is never meant (no Danish word holds one) and PostgreSQL refuses to store it, so a request
/// carrying one — in the address, a form field or a JSON string (\u0000) — is refused with 400 before any handler
/// runs, on every endpoint alike, rather than each one remembering to check. Runs after routing, so a body is read
/// within its endpoint's size limit.
/// </summary>
public static class NulGuard
{
    const string Message = "Det sendte indeholder et NUL-tegn (tegn 0), som ikke kan gemmes. Fjern det, og prøv igen.";

    public static IApplicationBuilder UseNulGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // An error page re-executes the pipeline for the same request: its body was judged (or broke a limit) already.
        var reExecuted = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
                         || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && await HasNul(http.Request))
        {
            var result = ApiProblems.IsApi(http.Request.Path)
                ? ApiProblems.Invalid("Forespørgslen er ikke behandlet", [new FieldError("", Message)])
                : Html.Error(StatusCodes.Status400BadRequest, "Forespørgslen kunne ikke behandles", Message + " Intet er gemt.");
            await result.ExecuteAsync(http);
            return;
        }
        await next();
    });

    static async Task<bool> HasNul(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0') == true) return true;
        foreach (var (_, values) in request.Query)
            if (values.Any(v => v?.Contains('\0') == true)) return true;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method)) return false;
        if (request.HasFormContentType)
        {
            // Kept by the request: the endpoint reads the same form. ASP.NET Core's form reader itself refuses a NUL in
            // a value ("The form value contains invalid characters"), which would otherwise be a 500 on every form.
            try { return (await request.ReadFormAsync()).Any(f => f.Value.Any(v => v?.Contains('\0') == true)); }
            catch (InvalidDataException e) when (e.InnerException is InvalidOperationException) { return true; }
        }
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            request.Body.Position = 0;
            return body.Contains("\\u0000", StringComparison.OrdinalIgnoreCase) || body.Contains('\0');
        }
        return false;
    }
}
