using System.Text;

namespace Samraad.Features.Notifications;

/// <summary>
/// The one shape of every Samraad e-mail, as plain text and as HTML: a greeting, a few paragraphs, a link back to the
/// page, and a footer saying why the reader got it. Every value is encoded for HTML here, so a name or a reason
/// typed by a user cannot add markup to a message.
/// </summary>
public sealed record MailTemplate(string Subject, string Greeting, IReadOnlyList<string> Paragraphs, string? LinkText, string? Link, string Footer)
{
    public string Text()
    {
        var b = new StringBuilder();
        b.Append(Greeting).Append("\n\n");
        foreach (var p in Paragraphs) b.Append(p).Append("\n\n");
        if (Link is not null) b.Append(LinkText).Append(":\n").Append(Link).Append("\n\n");
        b.Append("-- \n").Append(Footer).Append('\n');
        return b.ToString();
    }

    public string Html()
    {
        static string E(string s) => Encoder.Encode(s);
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>").Append(E(Subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">")
            .Append("<p>").Append(E(Greeting)).Append("</p>");
        foreach (var p in Paragraphs) b.Append("<p>").Append(E(p).Replace("\n", "<br>")).Append("</p>");
        if (Link is not null)
            b.Append("<p><a href=\"").Append(E(Link)).Append("\" style=\"color:#0059b3\">").Append(E(LinkText ?? Link)).Append("</a></p>");
        b.Append("<hr><p style=\"font-size:14px;color:#555\">").Append(E(Footer)).Append("</p></body></html>");
        return b.ToString();
    }

    /// <summary>Encodes markup characters and leaves Danish letters readable (as the pages do).</summary>
    static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public const string AutomaticFooter = "Denne e-mail er sendt automatisk af Samraad. Du kan ikke svare på den.";
    public const string ChoiceFooter = AutomaticFooter + " Du kan slå påmindelser og meddelelser fra under Min konto.";
}
