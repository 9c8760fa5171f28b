-- clerk schema 1, as the first release wrote it (SQLite). Kept to test upgrades.
CREATE TABLE committee (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	organisation VARCHAR NOT NULL, 
	minutes_word VARCHAR NOT NULL, 
	section_a VARCHAR NOT NULL, 
	section_b VARCHAR NOT NULL, 
	section_c VARCHAR NOT NULL, 
	section_d VARCHAR NOT NULL, 
	numbering_scheme VARCHAR(14) NOT NULL, 
	numbering_start INTEGER NOT NULL, 
	year_start_month INTEGER NOT NULL, 
	number_format VARCHAR NOT NULL, 
	quorum INTEGER, 
	default_venue VARCHAR NOT NULL, 
	contact_name VARCHAR NOT NULL, 
	contact_phone VARCHAR NOT NULL, 
	contact_email VARCHAR NOT NULL, 
	template_path VARCHAR NOT NULL, 
	retired BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_committee_name ON committee (name);
CREATE TABLE person (
	id INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	forenames VARCHAR NOT NULL, 
	surname VARCHAR NOT NULL, 
	honours VARCHAR NOT NULL, 
	organisation VARCHAR NOT NULL, 
	job_title VARCHAR NOT NULL, 
	email VARCHAR NOT NULL, 
	phone VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_person_surname ON person (surname);
CREATE TABLE clerk_meta (
	"key" VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE membership (
	id INTEGER NOT NULL, 
	committee_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	role VARCHAR(10) NOT NULL, 
	represents VARCHAR NOT NULL, 
	start_date DATE, 
	end_date DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(committee_id) REFERENCES committee (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX ix_membership_committee_id ON membership (committee_id);
CREATE INDEX ix_membership_person_id ON membership (person_id);
CREATE TABLE meeting (
	id INTEGER NOT NULL, 
	committee_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	start_time TIME, 
	venue VARCHAR NOT NULL, 
	contact VARCHAR NOT NULL, 
	agenda_published DATE, 
	refreshments VARCHAR NOT NULL, 
	status VARCHAR(11) NOT NULL, 
	started_at DATETIME, 
	ended_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(committee_id) REFERENCES committee (id) ON DELETE CASCADE
);
CREATE INDEX ix_meeting_committee_id ON meeting (committee_id);
CREATE INDEX ix_meeting_date ON meeting (date);
CREATE TABLE agendaitem (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	section VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	parent_id INTEGER, 
	title VARCHAR NOT NULL, 
	presenter VARCHAR NOT NULL, 
	kind VARCHAR(9) NOT NULL, 
	standard VARCHAR NOT NULL, 
	restricted BOOLEAN NOT NULL, 
	exempt_paragraph INTEGER, 
	page_from INTEGER, 
	page_to INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(parent_id) REFERENCES agendaitem (id) ON DELETE CASCADE
);
CREATE INDEX ix_agendaitem_meeting_id ON agendaitem (meeting_id);
CREATE TABLE signoff (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	approved_at_meeting_id INTEGER, 
	approved_on DATE, 
	amendments TEXT NOT NULL, 
	content_hash VARCHAR NOT NULL, 
	signed_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (meeting_id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(approved_at_meeting_id) REFERENCES meeting (id)
);
CREATE TABLE minute (
	id INTEGER NOT NULL, 
	committee_id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	seq INTEGER NOT NULL, 
	series VARCHAR NOT NULL, 
	number INTEGER, 
	title VARCHAR NOT NULL, 
	agenda_item_id INTEGER, 
	state VARCHAR(9) NOT NULL, 
	restricted BOOLEAN NOT NULL, 
	exempt_paragraph INTEGER, 
	taken_at TIME, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_minute_number UNIQUE (committee_id, series, number), 
	FOREIGN KEY(committee_id) REFERENCES committee (id) ON DELETE CASCADE, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(agenda_item_id) REFERENCES agendaitem (id) ON DELETE SET NULL
);
CREATE INDEX ix_minute_meeting_id ON minute (meeting_id);
CREATE INDEX ix_minute_committee_id ON minute (committee_id);
CREATE TABLE attendance (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	status VARCHAR(13) NOT NULL, 
	substitute_for_id INTEGER, 
	role VARCHAR NOT NULL, 
	in_chair BOOLEAN NOT NULL, 
	arrived_minute_id INTEGER, 
	arrived_at TIME, 
	left_minute_id INTEGER, 
	left_at TIME, 
	PRIMARY KEY (id), 
	UNIQUE (meeting_id, person_id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(substitute_for_id) REFERENCES person (id), 
	FOREIGN KEY(arrived_minute_id) REFERENCES minute (id) ON DELETE SET NULL, 
	FOREIGN KEY(left_minute_id) REFERENCES minute (id) ON DELETE SET NULL
);
CREATE INDEX ix_attendance_meeting_id ON attendance (meeting_id);
CREATE TABLE paragraph (
	id INTEGER NOT NULL, 
	minute_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	numbered BOOLEAN NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(minute_id) REFERENCES minute (id) ON DELETE CASCADE
);
CREATE INDEX ix_paragraph_minute_id ON paragraph (minute_id);
CREATE TABLE action (
	id INTEGER NOT NULL, 
	minute_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	description VARCHAR NOT NULL, 
	owner_person_id INTEGER, 
	owner_name VARCHAR NOT NULL, 
	due_date DATE, 
	done BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(minute_id) REFERENCES minute (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_person_id) REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX ix_action_minute_id ON action (minute_id);
CREATE TABLE declaration (
	id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	person_id INTEGER, 
	member_name VARCHAR NOT NULL, 
	agenda_item_id INTEGER, 
	minute_id INTEGER, 
	nature VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(agenda_item_id) REFERENCES agendaitem (id) ON DELETE SET NULL, 
	FOREIGN KEY(minute_id) REFERENCES minute (id) ON DELETE SET NULL
);
CREATE INDEX ix_declaration_meeting_id ON declaration (meeting_id);
CREATE TABLE vote (
	id INTEGER NOT NULL, 
	minute_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	motion VARCHAR NOT NULL, 
	votes_for INTEGER NOT NULL, 
	votes_against INTEGER NOT NULL, 
	abstentions INTEGER NOT NULL, 
	named_for VARCHAR NOT NULL, 
	named_against VARCHAR NOT NULL, 
	named_abstaining VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(minute_id) REFERENCES minute (id) ON DELETE CASCADE
);
CREATE INDEX ix_vote_minute_id ON vote (minute_id);
CREATE TABLE attachment (
	id INTEGER NOT NULL, 
	minute_id INTEGER, 
	agenda_item_id INTEGER, 
	filename VARCHAR NOT NULL, 
	sha256 VARCHAR NOT NULL, 
	content_type VARCHAR NOT NULL, 
	added_at DATETIME, 
	superseded BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(minute_id) REFERENCES minute (id) ON DELETE CASCADE, 
	FOREIGN KEY(agenda_item_id) REFERENCES agendaitem (id) ON DELETE CASCADE
);
CREATE INDEX ix_attachment_minute_id ON attachment (minute_id);
INSERT INTO clerk_meta (key, value) VALUES ('schema_version', '1');
