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
    public const string AgendaPublished = "agenda-published";
    public const string MinutesApproved = "minutes-approved";
    public const string TaskAssigned = "task-assigned";
    public const string TaskDue = "task-due";
    public const string PoolDecision = "pool-decision";
    public const string SignInLinked = "sign-in-linked";

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
        AgendaPublished => "Dagsordenen er offentliggjort",
        MinutesApproved => "Referatet er godkendt",
        TaskAssigned => "Ny opfølgningsopgave",
        TaskDue => "Påmindelse om opgave",
        PoolDecision => "Afgørelse fra puljen",
        SignInLinked => "Log-in via organisationen tilknyttet",
        _ => kind,
    };
}
