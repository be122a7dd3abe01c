using Microsoft.AspNetCore.Antiforgery;

namespace Samraad.Common;

/// <summary>
/// Issues the antiforgery cookie before a page renders (a cookie cannot be set once the body streams)
/// and validates posted forms with a Danish message instead of a bare 400.
/// </summary>
public static class AntiforgeryTokens
{
    const string ItemKey = "samraad:antiforgery";

    public static AntiforgeryTokenSet? Get(HttpContext ctx) => ctx.Items[ItemKey] as AntiforgeryTokenSet;

    public static IApplicationBuilder UseAntiforgeryTokens(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsPost(ctx.Request.Method))
            ctx.Items[ItemKey] = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        await next();
    });

    /// <summary>Endpoint filter for HTML form posts.</summary>
    public static async ValueTask<object?> Validate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var ctx = context.HttpContext;
        try { await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx); }
        catch (AntiforgeryValidationException e) when (e.InnerException is BadHttpRequestException tooLarge)
        {
            // The token could not be read because the body broke its limit: that, not the token, is the user's problem.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(tooLarge);
        }
        catch (AntiforgeryValidationException)
        {
            return Html.Error(StatusCodes.Status400BadRequest, "Formularen kunne ikke modtages",
                "Siden var for gammel, eller formularen kom ikke fra Samraad. Gå tilbage, genindlæs siden og prøv igen. Intet er gemt.");
        }
        return await next(context);
    }
}
