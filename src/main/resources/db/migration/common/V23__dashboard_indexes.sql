-- The dashboard counts in the database: closing times by month, open records by age, effectiveness reviews by date.
create index ix_improvement_closed on improvement_record (organisation_id, closed_at);
create index ix_improvement_open_raised on improvement_record (organisation_id, status, raised_at);
create index ix_effectiveness_reviewed on effectiveness_review (organisation_id, reviewed_at);
