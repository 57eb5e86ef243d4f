function mpc = tiny
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
	1	3	0	0	0	0	1	1	0	345	1	1.1	0.9;
	2	1	80	0	0	0	1	1	0	345	1	1.1	0.9;
	3	1	40	0	0	0	1	1	0	138	1	1.1	0.9;
];
mpc.gen = [
	1	160	0	100	-100	1	100	1	600	0;
];
mpc.branch = [
	1	2	0	0.02	0	400	0	0	0	0