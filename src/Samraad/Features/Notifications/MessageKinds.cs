namespace Samraad.Features.Notifications;

/// <summary>The kinds of message Samraad sends, as stored in <see cref="OutboxMessage.Kind"/>, with their Danish names.</summary>
public static class MessageKinds
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";
    public const string CollectionOpened = "collection-opened";
    public const string Reminder = "reminder";
    public const string Receipt = "receipt";
    public const string Reopened = "reopened";
    public const string Extended = "extended";
    public const string ReopenRequest = "reopen-request";

    public static string Label(string kind) => kind switch
    {
        Invitation => "Invitation til Samraad",
        PasswordReset => "Nulstil adgangskode",
        CollectionOpened => "Indsamlingen er åbnet",
        Reminder => "Påmindelse",
        Receipt => "Kvittering",
        Reopened => "Besvarelsen er genåbnet",
        Extended => "Fristen er forlænget",
        ReopenRequest => "Anmodning om genåbning",
        _ => kind,
    };
}
