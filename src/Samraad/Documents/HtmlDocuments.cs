using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Samraad.Documents;

/// <summary>
/// Renders Razor components to HTML strings outside a request (HtmlRenderer), so documents (PDFs) use the same
/// components as the pages. Print styles come from wwwroot/css/print.css, inlined so the printer needs no server.
/// </summary>
public sealed class HtmlDocuments(IServiceProvider services, ILoggerFactory logs, IWebHostEnvironment env)
{
    string? css;

    public async Task<string> Fragment<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, logs);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>A whole printable HTML document around a rendered component.</summary>
    public async Task<string> Document<TComponent>(string title, IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        return Wrap(title, await Fragment<TComponent>(parameters), Css());
    }

    public static string Wrap(string title, string body, string css) => $"""
        <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{System.Net.WebUtility.HtmlEncode(title)}</title>
        <style>{css}</style></head><body>{body}</body></html>
        """;

    public string Css()
    {
        if (css is not null) return css;
        using var reader = new StreamReader(env.WebRootFileProvider.GetFileInfo("css/print.css").CreateReadStream());
        return css = reader.ReadToEnd();
    }
}
